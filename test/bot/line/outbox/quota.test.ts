// The monthly-quota 429: stop at once, pause all sending with an alert for coordinators, resume on request.
import { describe, expect, it } from 'vitest';
import {
  drainOutbox,
  PAUSE_SETTING,
  pauseOutbox,
  QUOTA_ALERT_TH,
  readOutboxPause,
  resumeOutbox,
} from '../../../../bot/line/outbox/index.ts';
import { getSetting } from '../../../../db/queries/app-settings.ts';
import { listAudit } from '../../../../db/queries/audit-log.ts';
import { countOutboxByState, enqueueMessages } from '../../../../db/queries/outbox.ts';
import { upsertProvince } from '../../../../db/queries/provinces.ts';
import { grantRole } from '../../../../db/queries/user-roles.ts';
import { later, NOW, pushes, setup, userId } from './harness.ts';

const COORDINATOR = userId(0xc0);

describe('drainOutbox and the monthly quota', () => {
  it('stops on the quota 429, records the pause and the alert, and sends everything after resumeOutbox', async () => {
    const t = await setup();
    await upsertProvince(t.db, { id: 'pathum-thani', nameTh: 'ปทุมธานี' }, NOW);
    await grantRole(
      t.db,
      { userId: COORDINATOR, role: 'coordinator', provinceId: 'pathum-thani', grantedBy: null },
      NOW,
    );
    await enqueueMessages(t.db, pushes(200), NOW);
    t.fake.setQuotaExhausted(true);

    const report = await drainOutbox(t, NOW, { concurrency: 4 });
    expect(report).toMatchObject({ sent: 0, failed: 0, paused: true, stoppedBy: 'paused' });
    // Only the sends already in flight when the first 429 came back, never a retry loop.
    expect(t.fake.requests.length).toBeLessThanOrEqual(4);
    expect(await countOutboxByState(t.db)).toEqual({ pending: 200, sending: 0, sent: 0, failed: 0 });
    expect(await readOutboxPause(t.db)).toMatchObject({
      since: expect.stringMatching(/^2026-11-23T09:00:/),
      reason: 'quota',
      coordinators: [COORDINATOR],
      alert: QUOTA_ALERT_TH,
    });
    expect((await readOutboxPause(t.db))?.detail).toContain('You have reached your monthly limit.');
    expect(t.logs.filter((l) => l.level === 'error').map((l) => l.data?.coordinators)).toEqual([
      [COORDINATOR],
    ]);
    expect(t.fake.pushes()).toEqual([]); // the alert was not pushed into the exhausted quota

    const seen = t.fake.requests.length;
    expect(await drainOutbox(t, later(60_000))).toMatchObject({ sent: 0, paused: true, stoppedBy: 'paused' });
    expect(t.fake.requests.length).toBe(seen);

    t.fake.setQuotaExhausted(false);
    expect(await resumeOutbox(t.db, { by: COORDINATOR, now: later(120_000) })).toBe(true);
    expect(await getSetting(t.db, PAUSE_SETTING)).toBeUndefined();
    expect(await drainOutbox(t, later(120_000))).toMatchObject({ sent: 200, duplicates: 0, paused: false });
    expect(t.fake.deliveredRetryKeys()).toHaveLength(200);
    expect((await listAudit(t.db, { subjectType: 'outbox' })).map((a) => [a.action, a.actor])).toEqual([
      ['outbox.resumed', COORDINATOR],
      ['outbox.paused', 'system'],
    ]);
  });

  it('sends nothing while an operator has paused sending', async () => {
    const t = await setup();
    await enqueueMessages(t.db, pushes(3), NOW);
    await pauseOutbox(t, { reason: 'manual', detail: 'งดส่งระหว่างตรวจสอบข้อความ' }, NOW);
    expect(await drainOutbox(t, NOW)).toMatchObject({ sent: 0, paused: true, stoppedBy: 'paused' });
    expect(t.fake.requests).toHaveLength(0);
    expect(await resumeOutbox(t.db)).toBe(true);
    expect(await resumeOutbox(t.db)).toBe(false);
    expect(await drainOutbox(t, NOW)).toMatchObject({ sent: 3 });
  });

  it('treats a rate-limit 429 as a retry, not as the quota', async () => {
    const t = await setup();
    await enqueueMessages(t.db, pushes(1), NOW);
    t.fake.failNext(1, { status: 429 }); // "Too many requests"
    expect(await drainOutbox(t, NOW)).toMatchObject({ retried: 1, paused: false, stoppedBy: 'empty' });
    expect(await drainOutbox(t, later(2_000))).toMatchObject({ sent: 1 });
  });
});
