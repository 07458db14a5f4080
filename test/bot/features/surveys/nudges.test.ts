// Survey nudges: agencies behind pace hear about it in their staff groups, with a gap, a maximum, exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_KEY } from '../../../../bot/features/settings/settings.ts';
import { NUDGE_KIND, nudgeSubjectOf, runSurveyNudges } from '../../../../bot/features/surveys/nudges.ts';
import { drainOutbox } from '../../../../bot/line/outbox/index.ts';
import { bangkokTime } from '../../../../core/index.ts';
import { setActivityStatus } from '../../../../db/queries/activity-status.ts';
import { setSetting } from '../../../../db/queries/app-settings.ts';
import { listActivities } from '../../../../db/queries/plan-activities.ts';
import { listSlots } from '../../../../db/queries/reminder-log.ts';
import { reportSurveyCount } from '../../../../db/queries/survey-reports.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type Conversation, NOW, readable, startConversation } from '../../line/events/conversation.ts';
import { addAgency, PROVINCE, setLink } from './fixtures.ts';

const DAY = 86_400_000;
const TWO_WEEKS_AGO = new Date(NOW.getTime() - 14 * DAY);

let c: Conversation;
beforeEach(async () => {
  c = await startConversation();
});
afterEach(() => checkAndClose(c.h));

/** A new agency with its staff group, an EIT minimum of 100 and counts `first` two weeks ago, `last` now. */
async function agencyAt(n: number, first: number, last: number, target = 100) {
  const { agencyId, groupId } = await addAgency(c.h.deps.db, n, NOW);
  await setLink(c.h.deps.db, agencyId, 'EIT', NOW, { population: 9000, target, targetSource: 'manual' });
  const report = { agencyId, year: 2569, instrument: 'EIT' as const, by: null };
  await reportSurveyCount(c.h.deps.db, { ...report, count: first }, TWO_WEEKS_AGO);
  await reportSurveyCount(c.h.deps.db, { ...report, count: last }, NOW);
  return { agencyId, groupId };
}

/** Runs the nudges at `at`, sends what they queued, and returns how many they queued. */
async function nudgeAt(at: Date): Promise<number> {
  const queued = await runSurveyNudges(c.h.deps, at);
  await drainOutbox(c.h.deps, at);
  return queued;
}

const nudgesTo = (groupId: string) =>
  c.h.fake.messagesTo(groupId).filter((m) => readable([m]).includes('ชวนเร่ง'));

describe('runSurveyNudges', () => {
  it('nudges an agency behind pace in its staff group with progress, pace and the link', async () => {
    const behind = await agencyAt(1, 30, 44); // 1 a day → about 66 of 100 by 1 July
    const ahead = await agencyAt(2, 30, 72); // 3 a day → well over 100
    const met = await agencyAt(3, 90, 120);
    expect(await nudgeAt(NOW)).toBeGreaterThan(0);
    const [nudge] = nudgesTo(behind.groupId);
    expect(readable([nudge ?? { type: 'text', text: '' }])).toBe(
      [
        'ขอชวนเร่งประชาสัมพันธ์แบบวัด EIT ของหน่วยงานทดสอบที่1ค่ะ',
        'ผู้ตอบ 44 จากเป้าขั้นต่ำ 100 คน (44 %) · รายงานเมื่อ 10 มิ.ย. 2569',
        'ตามอัตรานี้: 66 % ภายใน 1 ก.ค. 2569',
        'ชวนผู้มารับบริการและผู้ติดต่อหน่วยงานตอบได้ที่ https://ita.example.go.th/s/EIT1xz?c=line หรือพิมพ์ "EIT" เพื่อรับรูป QR',
        'เมื่อมีผู้ตอบเพิ่ม พิมพ์ "รายงาน EIT <จำนวน>" เพื่ออัปเดตค่ะ',
      ].join('\n'),
    );
    expect(nudgesTo(ahead.groupId)).toEqual([]);
    expect(nudgesTo(met.groupId)).toEqual([]);
  });

  it('queues each slot exactly once, however many runs overlap', async () => {
    const { agencyId, groupId } = await agencyAt(1, 30, 44);
    const runs = await Promise.all([runSurveyNudges(c.h.deps, NOW), runSurveyNudges(c.h.deps, NOW)]);
    expect(await runSurveyNudges(c.h.deps, new Date(NOW.getTime() + 60_000))).toBe(0);
    await drainOutbox(c.h.deps, NOW);
    expect(nudgesTo(groupId)).toHaveLength(1);
    const slots = (await listSlots(c.h.deps.db, NUDGE_KIND, nudgeSubjectOf(2569, 'EIT'))).filter(
      (s) => s.targetId === agencyId,
    );
    expect(slots.map((s) => s.slot)).toEqual(['nudge-1']);
    expect(runs[0] + runs[1]).toBeGreaterThan(0);
  });

  it('keeps the minimum gap and stops at the maximum (defaults: 7 days, 3 nudges)', async () => {
    const { groupId } = await agencyAt(1, 30, 44);
    const wednesdays = [0, 1, 6, 7, 14, 21].map((d) => new Date(NOW.getTime() + d * DAY));
    for (const at of wednesdays) await nudgeAt(at);
    // 10 June, then not on 11 or 16 June (gap), 17 and 24 June, and not 1 July (the third was the last).
    expect(nudgesTo(groupId)).toHaveLength(3);
    const slots = await listSlots(c.h.deps.db, NUDGE_KIND, nudgeSubjectOf(2569, 'EIT'));
    const mine = slots.filter((s) => s.targetId === 'test-agency-1').map((s) => s.reservedAt.slice(0, 10));
    expect(mine).toEqual(['2026-06-10', '2026-06-17', '2026-06-24']);
  });

  it('follows the gap and maximum a coordinator set', async () => {
    await setSetting(c.h.deps.db, SETTINGS_KEY, { nudgeMinGapDays: 2, nudgeMaxCount: 2 }, 'test', NOW);
    const { groupId } = await agencyAt(1, 30, 44);
    for (const d of [0, 1, 2, 5, 6]) await nudgeAt(new Date(NOW.getTime() + d * DAY));
    expect(nudgesTo(groupId)).toHaveLength(2);
    await setSetting(c.h.deps.db, SETTINGS_KEY, { nudgeMaxCount: 0 }, 'test', NOW);
    await agencyAt(2, 30, 44);
    expect(await runSurveyNudges(c.h.deps, NOW)).toBe(0);
  });

  it.each([
    ['in the evening', bangkokTime(2026, 6, 10, 18)],
    ['on a Saturday', bangkokTime(2026, 6, 13, 10)],
    ['on a public holiday (the Queen’s birthday)', bangkokTime(2026, 6, 3, 10)],
    ['after the answer window closed', bangkokTime(2026, 7, 2, 10)],
    ['before it opened', bangkokTime(2025, 12, 24, 10)],
  ])('sends nothing %s', async (_, at) => {
    await agencyAt(1, 30, 44);
    expect(await runSurveyNudges(c.h.deps, at)).toBe(0);
  });

  it('leaves out agencies that marked the survey done, and agencies with no staff group', async () => {
    const done = await agencyAt(1, 30, 44);
    const activities = await listActivities(c.h.deps.db, PROVINCE, 2569);
    const eit = activities.find((a) => a.kind === 'survey_eit');
    if (eit === undefined) throw new Error('the demo plan has no EIT activity');
    await setActivityStatus(
      c.h.deps.db,
      { activityId: eit.id, agencyId: done.agencyId, status: 'done', by: null },
      NOW,
    );
    const officersOnly = await addAgency(c.h.deps.db, 2, NOW, 'officers');
    await setLink(c.h.deps.db, officersOnly.agencyId, 'EIT', NOW, {
      population: 9000,
      target: 100,
      targetSource: 'manual',
    });
    await reportSurveyCount(
      c.h.deps.db,
      { agencyId: officersOnly.agencyId, year: 2569, instrument: 'EIT', count: 3, by: null },
      TWO_WEEKS_AGO,
    );
    await nudgeAt(NOW);
    expect(nudgesTo(done.groupId)).toEqual([]);
    expect(nudgesTo(officersOnly.groupId)).toEqual([]);
    const slots = await listSlots(c.h.deps.db, NUDGE_KIND, nudgeSubjectOf(2569, 'EIT'));
    expect(slots.filter((s) => s.targetId.startsWith('test-agency'))).toEqual([]);
  });

  it('reaches the demo agencies behind pace, one nudge per agency and survey', async () => {
    const queued = await nudgeAt(NOW);
    expect(queued).toBeGreaterThan(0);
    const slots = [
      ...(await listSlots(c.h.deps.db, NUDGE_KIND, nudgeSubjectOf(2569, 'IIT'))),
      ...(await listSlots(c.h.deps.db, NUDGE_KIND, nudgeSubjectOf(2569, 'EIT'))),
    ];
    expect(slots.length).toBe(queued); // one staff group per demo agency
    expect(new Set(slots.map((s) => `${s.subjectId}/${s.targetId}`)).size).toBe(slots.length);
    expect(c.h.fake.pushes()).toHaveLength(queued);
  });
});
