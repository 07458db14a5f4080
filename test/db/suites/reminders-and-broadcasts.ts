// The reminder log and broadcasts: exactly-once slots with their messages, confirm once, on both dialects.
import { describe, expect, it } from 'vitest';
import {
  cancelBroadcast,
  confirmBroadcast,
  createBroadcast,
  findBroadcast,
  listBroadcasts,
  settleBroadcast,
} from '../../../db/queries/broadcasts.ts';
import { claimDue, countOutboxByState, markSent } from '../../../db/queries/outbox.ts';
import { listSlots, reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { forEachDialect } from '../dialects.ts';
import { LEASE, minutesLater, NOW, PROVINCE, push, seedProvince } from '../fixtures.ts';

describe('reminder log', () => {
  forEachDialect((ctx) => {
    const slot = { kind: 'activity', subjectId: 'act-1', targetId: 'pt-pao', slot: 'd-7' };

    it('reserves each slot once, even when reserved concurrently, and links it to its message', async () => {
      const db = await ctx.open();
      const reserve = (key: typeof slot, to: string) =>
        reserveSlotWithMessages(db, key, NOW, [push(to)], NOW);
      const results = await Promise.all([1, 2, 3].map((n) => reserve(slot, `C${n}`)));
      expect(results.filter((r) => r.reserved)).toHaveLength(1);
      expect(results.filter((r) => !r.reserved)).toEqual([
        { reserved: false, outboxIds: [] },
        { reserved: false, outboxIds: [] },
      ]);
      // Another slot, or another target of the same slot, is a reservation of its own.
      expect(await reserve({ ...slot, slot: 'd-3' }, 'C4')).toEqual({ reserved: true, outboxIds: [2] });
      expect(await reserve({ ...slot, targetId: 'pt-office' }, 'C5')).toEqual({
        reserved: true,
        outboxIds: [3],
      });
      expect(await reserve(slot, 'C6')).toEqual({ reserved: false, outboxIds: [] });
      expect((await countOutboxByState(db)).pending).toBe(3);
      expect((await listSlots(db, 'activity', 'act-1')).map((s) => [s.slot, s.targetId, s.outboxId])).toEqual(
        [
          ['d-7', 'pt-pao', 1],
          ['d-3', 'pt-pao', 2],
          ['d-7', 'pt-office', 3],
        ],
      );
    });

    it('reserves and enqueues together, exactly once across racing schedulers', async () => {
      const db = await ctx.open();
      const runs = await Promise.all(
        [1, 2, 3].map(() => reserveSlotWithMessages(db, slot, NOW, [push('Cpao'), push('Cpao2')], NOW)),
      );
      expect(runs.filter((r) => r.reserved)).toEqual([{ reserved: true, outboxIds: [1, 2] }]);
      expect((await countOutboxByState(db)).pending).toBe(2);
      const [claimed] = await claimDue(db, NOW, 1, LEASE);
      await markSent(
        db,
        { id: claimed?.id ?? 0, leaseToken: claimed?.leaseToken ?? '', status: 200 },
        minutesLater(1),
      );
      expect(await listSlots(db, 'activity', 'act-1')).toEqual([
        {
          ...slot,
          plannedFor: NOW.toISOString(),
          reservedAt: NOW.toISOString(),
          outboxId: 1,
          sentAt: minutesLater(1).toISOString(),
        },
      ]);
    });
  });
});

describe('broadcasts', () => {
  forEachDialect((ctx) => {
    it('confirms a draft once and queues one message per group', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const draft = await createBroadcast(
        db,
        { provinceId: PROVINCE, text: 'ประชุม ITA', filter: { types: ['sao'] }, createdBy: 'Uc' },
        NOW,
      );
      expect(draft).toMatchObject({ state: 'draft', filter: { types: ['sao'] }, recipientCount: null });
      const messages = [push('C1'), push('C2')];
      const [first, second] = await Promise.all([
        confirmBroadcast(db, { id: draft.id, by: 'Uc', messages }, minutesLater(1)),
        confirmBroadcast(db, { id: draft.id, by: 'Uc', messages }, minutesLater(1)),
      ]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(first ?? second).toMatchObject({ state: 'confirmed', recipientCount: 2, confirmedBy: 'Uc' });
      expect(await countOutboxByState(db, { kind: 'broadcast', id: draft.id })).toMatchObject({ pending: 2 });
      expect(await cancelBroadcast(db, draft.id)).toBe(false);
    });

    it('is settled once, only when confirmed and no message is left to send, with one report', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const draft = await createBroadcast(
        db,
        { provinceId: PROVINCE, text: 'แจ้ง', filter: {}, createdBy: 'Uc' },
        NOW,
      );
      const settle = (at: Date) => settleBroadcast(db, { id: draft.id, report: push('Uc') }, at);
      const reports = async () =>
        (await countOutboxByState(db, { kind: 'broadcast_report', id: draft.id })).pending;
      // A draft has nothing on its way, but is not confirmed yet.
      expect(await settle(NOW)).toBe(false);
      await confirmBroadcast(db, { id: draft.id, by: 'Uc', messages: [push('C1')] }, NOW);
      expect(await settle(NOW)).toBe(false); // pending
      const [claimed] = await claimDue(db, NOW, 1, LEASE);
      expect(await settle(NOW)).toBe(false); // sending
      expect(await reports()).toBe(0);
      await markSent(db, { id: claimed?.id ?? 0, leaseToken: claimed?.leaseToken ?? '', status: 200 }, NOW);
      const runs = await Promise.all([settle(minutesLater(1)), settle(minutesLater(1))]);
      expect(runs.filter(Boolean)).toHaveLength(1);
      expect(await settle(minutesLater(2))).toBe(false);
      expect(await reports()).toBe(1);
      expect(await findBroadcast(db, draft.id)).toMatchObject({
        state: 'sent',
        sentAt: minutesLater(1).toISOString(),
      });
    });

    it('cancels a draft, which can then not be confirmed, and lists newest first', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      const a = await createBroadcast(
        db,
        { provinceId: PROVINCE, text: 'หนึ่ง', filter: {}, createdBy: 'Uc' },
        NOW,
      );
      const b = await createBroadcast(
        db,
        { provinceId: PROVINCE, text: 'สอง', filter: {}, createdBy: 'Uc' },
        minutesLater(1),
      );
      expect(await cancelBroadcast(db, a.id)).toBe(true);
      expect(await confirmBroadcast(db, { id: a.id, by: 'Uc', messages: [push('C1')] }, NOW)).toBeUndefined();
      expect((await countOutboxByState(db)).pending).toBe(0);
      expect((await listBroadcasts(db, PROVINCE)).map((x) => [x.id, x.state])).toEqual([
        [b.id, 'draft'],
        [a.id, 'cancelled'],
      ]);
    });
  });
});
