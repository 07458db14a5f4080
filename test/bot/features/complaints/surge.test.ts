// The province-wide hourly ceiling on new complaints (issue 14 §4) through /api: past it every complaint is still
// recorded, the coordinators are alerted once, and officers get one batched card instead of a card each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHeldComplaints } from '../../../../bot/features/complaints/surge.ts';
import { changeSettings } from '../../../../bot/features/settings/store.ts';
import { DEMO_COORDINATOR_ID, DEMO_OFFICERS_GROUP_ID } from '../../../../bot/tools/demo/line.ts';
import { checkAndClose, LOGIN_CHANNEL_ID } from '../../../support/harness.ts';
import { type ApiHarness, NOW, startApiHarness } from '../../http/api-support.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
  expect((await changeSettings(h.deps.db, { complaintsPerHourProvince: 2 }, 'test', NOW)).ok).toBe(true);
  for (let i = 1; i <= 5; i++)
    h.fake.registerIdToken(`tok-${i}`, { sub: `U${String(i).repeat(32)}`, aud: LOGIN_CHANNEL_ID });
});
afterAll(() => checkAndClose(h));

const outboxTo = (to: string) =>
  h.deps.db.kysely
    .selectFrom('outbox')
    .select(['messages', 'source_kind'])
    .where('recipient', '=', to)
    .execute();

describe('past the province-wide ceiling', () => {
  it('records every complaint, alerts coordinators once and batches the officers cards', async () => {
    const codes: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await h.callApi(`tok-${i}`, '/complaints', {
        method: 'POST',
        body: {
          submissionId: `6f1c1a3e-5555-4b7a-9c55-0a0a0a0a0a0${i}`,
          type: 'service',
          agencyId: null,
          description: 'รอรับบริการนานกว่าสามชั่วโมงโดยไม่มีเจ้าหน้าที่ให้ข้อมูล',
          identityMode: 'code_only',
        },
      });
      expect(res.status).toBe(201);
      codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
    }
    expect(await h.deps.db.kysely.selectFrom('complaints').select('id').execute()).toHaveLength(5);
    const cards = await outboxTo(DEMO_OFFICERS_GROUP_ID);
    expect(cards.map((c) => c.source_kind)).toEqual(['complaint', 'complaint']);
    const alerts = (await outboxTo(DEMO_COORDINATOR_ID)).filter((r) => r.source_kind === 'complaint-surge');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.messages).toContain('เกิน 2 เรื่อง');

    expect(await sendHeldComplaints(h.deps, NOW)).toBe(1);
    const batched = (await outboxTo(DEMO_OFFICERS_GROUP_ID)).filter(
      (c) => c.source_kind === 'complaint-batch',
    );
    expect(batched).toHaveLength(1);
    for (const code of codes.slice(2)) expect(batched[0]?.messages).toContain(code);
    for (const code of codes.slice(0, 2)) expect(batched[0]?.messages).not.toContain(code);
    expect(await sendHeldComplaints(h.deps, new Date(NOW.getTime() + 60_000))).toBe(0);
  });
});
