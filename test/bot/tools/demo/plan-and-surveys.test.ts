// The demo plan (default calendar in the current fiscal year, statuses relative to now) and survey links.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_PROVINCE_ID,
  PATHUM_THANI_AGENCIES,
  PROVINCIAL_OFFICE_ID,
} from '../../../../bot/tools/demo/agencies.ts';
import { loadDemo } from '../../../../bot/tools/demo/load.ts';
import { demoReports, demoSurveyLinks } from '../../../../bot/tools/demo/surveys.ts';
import { fiscalYearRange } from '../../../../core/index.ts';
import { DEFAULT_CALENDAR } from '../../../../core/plan/default-calendar.ts';
import { DEFAULT_TARGET_RULES, minimumRespondents } from '../../../../core/surveys/targets.ts';
import { listActivityStatuses } from '../../../../db/queries/activity-status.ts';
import { listActivities } from '../../../../db/queries/plan-activities.ts';
import { listSurveyLinks } from '../../../../db/queries/survey-links.ts';
import { listSurveyReports } from '../../../../db/queries/survey-reports.ts';
import { closeAll, LATE, NOW, openDb } from './support.ts';

afterEach(closeAll);

const day = (d: Date) => d.toISOString().slice(0, 10);

describe('demo plan', () => {
  it('holds the default activities with dates in the current fiscal year', async () => {
    const db = openDb();
    await loadDemo(db, NOW);
    const activities = await listActivities(db, DEMO_PROVINCE_ID, 2570);
    const { start, end } = fiscalYearRange(2570);
    // By agency type, as seeds 000 and 002 do: ITAS registration (5), the OIT content and answers (10, 11) go to
    // the assessed units only — the provincial office and the local governments; the IIT data (4) and the
    // content of the OIT items assigned to them (18) are supplied by the province's line and district offices.
    const byAssessed = new Set([5, 10, 11]);
    const byContributing = new Set([4, 18]);
    expect(activities.map((a) => [a.seq, a.titleTh, a.responsible])).toEqual(
      DEFAULT_CALENDAR.map((t) => [
        t.seq,
        t.title,
        byAssessed.has(t.seq) || byContributing.has(t.seq) ? 'agencies' : t.responsible,
      ]),
    );
    const assessed = PATHUM_THANI_AGENCIES.filter((a) => !a.assessedUnitId).map((a) => a.id);
    const contributing = PATHUM_THANI_AGENCIES.filter((a) => a.assessedUnitId).map((a) => a.id);
    expect(contributing).toHaveLength(16);
    for (const seq of byAssessed) {
      const ids = activities.find((a) => a.seq === seq)?.agencyIds ?? [];
      expect([...ids].sort()).toEqual([...assessed].sort());
      expect(ids).toContain(PROVINCIAL_OFFICE_ID);
      expect(ids).not.toContain('pathum-thani-health');
    }
    for (const seq of byContributing) {
      const ids = activities.find((a) => a.seq === seq)?.agencyIds ?? [];
      expect([...ids].sort()).toEqual([...contributing].sort());
      expect(ids).toContain('pathum-thani-health');
      expect(ids).not.toContain(PROVINCIAL_OFFICE_ID);
    }
    // The content is supplied from January to 31 March, with the OIT work it feeds (seed 002 step 7).
    expect(activities.find((a) => a.seq === 18)).toMatchObject({
      startsOn: '2027-01-01',
      dueOn: '2027-03-31',
    });
    // OIT answering opens in January.
    expect(activities.find((a) => a.seq === 11)?.startsOn).toBe('2027-01-01');
    for (const a of activities) {
      expect(a.startsOn && a.startsOn >= day(start) && a.startsOn <= a.dueOn, a.titleTh).toBe(true);
      expect(a.dueOn <= '2027-09-30' && a.dueOn > day(start) && a.dueOn <= day(end)).toBe(true);
      expect(a.key).toBe(`default-${a.seq}`);
    }
    expect(activities.find((a) => a.kind === 'survey_iit')?.dueOn).toBe('2027-07-01');
  });

  it('shows who is behind late in the year: most done, some in progress, some not started', async () => {
    const db = openDb();
    await loadDemo(db, LATE);
    const activities = await listActivities(db, DEMO_PROVINCE_ID, 2570);
    const overdue = activities.filter(
      (a) => (a.responsible === 'all' || a.responsible === 'agencies') && a.dueOn < '2027-05-12',
    );
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const statuses = (await Promise.all(overdue.map((a) => listActivityStatuses(db, a.id)))).flat();
    const done = statuses.filter((s) => s.status === 'done').length;
    const possible = overdue.reduce(
      (n, a) => n + (a.responsible === 'all' ? PATHUM_THANI_AGENCIES.length : a.agencyIds.length),
      0,
    );
    expect(done / possible).toBeGreaterThan(0.65);
    expect(statuses.some((s) => s.status === 'in_progress')).toBe(true);
    expect(statuses.length).toBeLessThan(possible);
    expect(statuses.every((s) => s.updatedAt <= LATE.toISOString())).toBe(true);
  });

  it('marks the coordinator’s activities on the provincial office only, and no NACC activity at all', async () => {
    const db = openDb();
    await loadDemo(db, LATE);
    for (const activity of await listActivities(db, DEMO_PROVINCE_ID, 2570)) {
      const agencies = (await listActivityStatuses(db, activity.id)).map((s) => s.agencyId);
      if (activity.responsible === 'nacc') expect(agencies).toEqual([]);
      if (activity.responsible === 'coordinator')
        expect(agencies.every((id) => id === PROVINCIAL_OFFICE_ID)).toBe(true);
    }
  });
});

describe('demo survey links', () => {
  it('stores every target by the shared ITAS rule of core/surveys', async () => {
    const db = openDb();
    await loadDemo(db, NOW);
    const links = await listSurveyLinks(db, DEMO_PROVINCE_ID, 2570);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.target).toBe(
        minimumRespondents(link.population ?? 0, DEFAULT_TARGET_RULES[link.instrument]),
      );
    }
  });

  it('stores links with head counts, targets and unique short codes', async () => {
    const db = openDb();
    await loadDemo(db, NOW);
    const links = await listSurveyLinks(db, DEMO_PROVINCE_ID, 2570);
    expect(new Set(links.map((l) => l.code)).size).toBe(links.length);
    expect(new Set(links.map((l) => l.url)).size).toBe(links.length);
    const rangsit = links.filter((l) => l.agencyId === 'nakhon-rangsit');
    expect(rangsit.map((l) => [l.instrument, l.population, l.target])).toEqual([
      ['EIT', 24000, 400],
      ['IIT', 612, 25],
    ]);
    for (const link of links) expect(link.code).toMatch(/^[a-z2-9]{6}$/);
  });

  it('records some counts, three reports each, growing and never after now', async () => {
    const db = openDb();
    await loadDemo(db, LATE);
    const links = await listSurveyLinks(db, DEMO_PROVINCE_ID, 2570);
    const reported = links.filter((l) => l.reportedCount !== null);
    expect(reported.length).toBeGreaterThan(links.length / 2);
    expect(reported.length).toBeLessThan(links.length);
    expect(reported.some((l) => (l.reportedCount ?? 0) < (l.target ?? 0))).toBe(true);
    const first = reported[0];
    const history = await listSurveyReports(db, first?.agencyId ?? '', 2570, first?.instrument ?? 'IIT');
    expect(history).toHaveLength(3);
    expect(history.map((r) => r.count)).toEqual([...history.map((r) => r.count)].sort((a, b) => a - b));
    expect(history.every((r) => r.reportedAt <= LATE.toISOString())).toBe(true);
  });

  it('shows some progress even before the answer window opens', () => {
    const links = demoSurveyLinks(PATHUM_THANI_AGENCIES, 2570, null);
    const window = { opens: new Date('2027-01-01T05:00:00Z'), closes: new Date('2027-07-01T05:00:00Z') };
    const reports = demoReports(links, window, NOW);
    expect(reports.some((r) => r.count > 0)).toBe(true);
    expect(reports.every((r) => r.at <= NOW)).toBe(true);
  });
});
