// loadDemo: what it writes (counts from the data), groups and links for every agency, LINE ids, idempotency.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEMO_PROVINCES,
  OTHER_PROVINCE_AGENCIES,
  PATHUM_THANI_AGENCIES,
  PROVINCIAL_OFFICE_ID,
} from '../../../../bot/tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_OFFICERS_GROUP_ID,
  DEMO_STAFF_AGENCY_IDS,
  DEMO_STAFF_ID,
  demoGroupIdOf,
  loadDemo,
  loadDemoIfEmpty,
} from '../../../../bot/tools/demo/index.ts';
import { DEMO_ROLES, DEMO_USERS } from '../../../../bot/tools/demo/line.ts';
import { demoScoreSets } from '../../../../bot/tools/demo/score-sets.ts';
import { fiscalYearOf } from '../../../../core/index.ts';
import { DEFAULT_CALENDAR } from '../../../../core/plan/default-calendar.ts';
import { findAgencyByGroupId, listAgencies } from '../../../../db/queries/agencies.ts';
import { listFiscalYears } from '../../../../db/queries/fiscal-years.ts';
import { listBoundGroups } from '../../../../db/queries/line-groups.ts';
import { hasAnyProvince } from '../../../../db/queries/provinces.ts';
import { listSurveyLinks } from '../../../../db/queries/survey-links.ts';
import { listRoleHolders, listRoles } from '../../../../db/queries/user-roles.ts';
import { closeAll, dumpTables, LATE, NOW, openDb } from './support.ts';

afterEach(closeAll);

describe('loadDemo', () => {
  it('writes what the demo data holds, counted per table', async () => {
    const db = openDb();
    const summary = await loadDemo(db, NOW);
    const scoreRows = demoScoreSets(2570).reduce((n, set) => n + set.scores.length, 0);
    expect(summary.provinceId).toBe('pathum-thani');
    expect(summary.fiscalYear).toBe(2570);
    expect(summary.counts).toMatchObject({
      provinces: DEMO_PROVINCES.length,
      agencies: PATHUM_THANI_AGENCIES.length + OTHER_PROVINCE_AGENCIES.length,
      scores: scoreRows,
      planActivities: DEFAULT_CALENDAR.length,
      surveyLinks: PATHUM_THANI_AGENCIES.length * 2,
      lineUsers: DEMO_USERS.length,
      userRoles: DEMO_ROLES.length,
      lineGroups: PATHUM_THANI_AGENCIES.length + 1,
    });
    // Pathum Thani: FY2570 and the two years before, plus FY2562; Phatthalung FY2565–2566; Tak FY2567.
    expect(summary.counts.fiscalYears).toBe(7);
    expect(summary.counts.activityStatuses).toBeGreaterThan(0);
    expect(summary.counts.surveyReports).toBeGreaterThan(0);
  });

  it('gives Pathum Thani a realistic mix of 28 agencies with their districts', async () => {
    const db = openDb();
    await loadDemo(db, NOW);
    const agencies = await listAgencies(db, 'pathum-thani');
    const byType = (type: string) => agencies.filter((a) => a.type === type).length;
    expect(agencies).toHaveLength(28);
    expect([byType('provincial_office'), byType('district'), byType('pao')]).toEqual([1, 7, 1]);
    expect(byType('line_agency')).toBeGreaterThanOrEqual(8);
    expect(byType('municipality') + byType('sao')).toBeGreaterThanOrEqual(8);
    expect(agencies.find((a) => a.nameTh === 'เทศบาลนครรังสิต')?.district).toBe('ธัญบุรี');
    const districts = new Set(agencies.flatMap((a) => (a.type === 'district' ? [a.parentId] : [])));
    expect([...districts]).toEqual([PROVINCIAL_OFFICE_ID]);
  });

  it('opens each province’s years with the framework of that year', async () => {
    const db = openDb();
    await loadDemo(db, NOW);
    const years = (await listFiscalYears(db, 'pathum-thani')).map((y) => [y.year, y.frameworkId]);
    expect(years).toEqual([
      [2570, 'ita-2568'],
      [2569, 'ita-2568'],
      [2568, 'ita-2568'],
      [2562, 'ita-2562'],
    ]);
    expect((await listFiscalYears(db, 'phatthalung')).map((y) => y.frameworkId)).toEqual([
      'ita-2566',
      'ita-2562',
    ]);
    expect((await listFiscalYears(db, 'tak')).map((y) => y.year)).toEqual([2567]);
  });

  it('binds a staff group and sets IIT and EIT links for every Pathum Thani agency', async () => {
    const db = openDb();
    await loadDemo(db, NOW);
    const links = await listSurveyLinks(db, 'pathum-thani', 2570);
    for (const agency of PATHUM_THANI_AGENCIES) {
      expect((await findAgencyByGroupId(db, demoGroupIdOf(agency.id)))?.id).toBe(agency.id);
      const mine = links.filter((l) => l.agencyId === agency.id);
      expect(mine.map((l) => l.instrument).sort()).toEqual(['EIT', 'IIT']);
      for (const link of mine)
        expect(link.url).toMatch(/^https:\/\/itas\.nacc\.go\.th\/go\/(iit|eit)\/[a-z0-9]{6}$/);
    }
    const officers = await listBoundGroups(db, 'pathum-thani', { kind: 'officers' });
    expect(officers.map((g) => [g.groupId, g.agencyId])).toEqual([[DEMO_OFFICERS_GROUP_ID, null]]);
  });

  it('gives the demo people valid-looking LINE ids and their roles', async () => {
    const db = openDb();
    await loadDemo(db, NOW);
    const ids = [DEMO_COORDINATOR_ID, DEMO_STAFF_ID, DEMO_OFFICER_ID, DEMO_CITIZEN_ID];
    for (const id of ids) expect(id).toMatch(/^U[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(4);
    expect(DEMO_OFFICERS_GROUP_ID).toMatch(/^C[0-9a-f]{32}$/);
    expect(demoGroupIdOf('nakhon-rangsit')).toMatch(/^C[0-9a-f]{32}$/);
    expect(demoGroupIdOf('nakhon-rangsit')).not.toBe(demoGroupIdOf('pathum-thani-pao'));
    const coordinators = await listRoleHolders(db, { provinceId: 'pathum-thani', role: 'coordinator' });
    expect(coordinators.map((g) => g.userId)).toEqual([DEMO_COORDINATOR_ID]);
    const staff = (await listRoles(db, DEMO_STAFF_ID)).map((g) => g.agencyId);
    expect(staff.sort()).toEqual([...DEMO_STAFF_AGENCY_IDS].sort());
    expect((await listRoles(db, DEMO_OFFICER_ID)).map((g) => [g.role, g.agencyId])).toEqual([
      ['officer', null],
    ]);
    expect(await listRoles(db, DEMO_CITIZEN_ID)).toEqual([]);
  });

  it('changes nothing when loaded a second time', async () => {
    const db = openDb();
    const first = await loadDemo(db, LATE);
    const before = await dumpTables(db);
    const second = await loadDemo(db, LATE);
    expect(second).toEqual(first);
    expect(await dumpTables(db)).toEqual(before);
  });

  it('adds no duplicates when loaded again on a later day', async () => {
    const db = openDb();
    const first = await loadDemo(db, NOW);
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    expect(fiscalYearOf(later)).toBe(first.fiscalYear);
    const second = await loadDemo(db, later);
    for (const table of [
      'scores',
      'planActivities',
      'surveyLinks',
      'surveyReports',
      'userRoles',
      'lineGroups',
    ] as const) {
      expect(second.counts[table], table).toBe(first.counts[table]);
    }
  });

  it('loads only into a database with no province yet', async () => {
    const db = openDb();
    expect(await hasAnyProvince(db)).toBe(false);
    expect((await loadDemoIfEmpty(db, NOW))?.counts.agencies).toBe(30);
    expect(await hasAnyProvince(db)).toBe(true);
    expect(await loadDemoIfEmpty(db, NOW)).toBeUndefined();
  });
});
