// The chat flow state behind a complaint draft: compare-and-set steps, expiry and cleanup, on both dialects.
import { describe, expect, it } from 'vitest';
import { addAttachment, countDraftAttachments } from '../../../db/queries/complaint-attachments.ts';
import {
  deleteConversation,
  expireConversations,
  getConversation,
  saveConversation,
} from '../../../db/queries/conversation-state.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NOW, seedProvince } from '../fixtures.ts';

const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

describe('conversation state', () => {
  forEachDialect((ctx) => {
    const save = {
      userId: 'Ucitizen',
      flow: 'complaint',
      draftId: 'draft-1',
      expiresAt: minutesLater(24 * 60),
    };

    it('saves steps as compare-and-set on the version', async () => {
      const db = await ctx.open();
      expect(await saveConversation(db, { ...save, step: 'consent', data: {} }, NOW)).toBe(1);
      const v2 = await saveConversation(
        db,
        { ...save, step: 'type', data: { consent: true }, expectedVersion: 1 },
        minutesLater(1),
      );
      expect(v2).toBe(2);
      expect(
        await saveConversation(
          db,
          { ...save, step: 'agency', data: {}, expectedVersion: 1 },
          minutesLater(1),
        ),
      ).toBeUndefined();
      expect(await getConversation(db, 'Ucitizen', minutesLater(2))).toEqual({
        userId: 'Ucitizen',
        flow: 'complaint',
        step: 'type',
        data: { consent: true },
        draftId: 'draft-1',
        version: 2,
        updatedAt: minutesLater(1).toISOString(),
        expiresAt: save.expiresAt.toISOString(),
      });
      expect(await saveConversation(db, { ...save, step: 'consent', data: {} }, minutesLater(3))).toBe(3);
    });

    it('lets only one of two duplicated deliveries advance the step', async () => {
      const db = await ctx.open();
      await saveConversation(db, { ...save, step: 'consent', data: {} }, NOW);
      const next = { ...save, step: 'type', data: {}, expectedVersion: 1 };
      const results = await Promise.all([saveConversation(db, next, NOW), saveConversation(db, next, NOW)]);
      expect(results.filter((v) => v !== undefined)).toEqual([2]);
    });

    it('hides an expired draft and sweeps it with its photos', async () => {
      const db = await ctx.open();
      await seedProvince(db);
      await saveConversation(db, { ...save, step: 'photos', data: {} }, NOW);
      await addAttachment(db, { intakeKey: 'draft-1', contentType: 'image/jpeg', bytes: PHOTO }, NOW);
      const dayLater = minutesLater(24 * 60);
      expect(await getConversation(db, 'Ucitizen', dayLater)).toBeUndefined();
      expect(await expireConversations(db, dayLater)).toEqual([{ userId: 'Ucitizen', flow: 'complaint' }]);
      expect(await countDraftAttachments(db, 'draft-1')).toBe(0);
      expect(await deleteConversation(db, 'Ucitizen')).toBe(false);
    });

    it('deletes a flow on cancel, only at the expected version when given', async () => {
      const db = await ctx.open();
      await saveConversation(db, { ...save, step: 'type', data: {} }, NOW);
      expect(await deleteConversation(db, 'Ucitizen', 7)).toBe(false);
      expect(await deleteConversation(db, 'Ucitizen', 1)).toBe(true);
      expect(await getConversation(db, 'Ucitizen', NOW)).toBeUndefined();
    });
  });
});
