// Complaint photos: bytes back as a Uint8Array on both runtimes, one copy per LINE message, draft counts.
import { describe, expect, it } from 'vitest';
import {
  addAttachment,
  addDraftPhotoUnderCap,
  countDraftAttachments,
  findAttachment,
} from '../../../db/queries/complaint-attachments.ts';
import { createComplaint } from '../../../db/queries/complaints.ts';
import { claimSetAck, notePhotoOfSet } from '../../../db/queries/image-sets.ts';
import { forEachDialect } from '../dialects.ts';
import { NAMED_COMPLAINT, NOW, PHOTO, seeded } from '../fixtures.ts';

describe('complaint attachments', () => {
  forEachDialect((ctx) => {
    it('stores draft photos under the cap in one statement, and acknowledges a set once', async () => {
      const db = await seeded(ctx.open);
      const add = (m: string) =>
        addDraftPhotoUnderCap(
          db,
          { intakeKey: 'd-cap', lineMessageId: m, contentType: 'image/jpeg', bytes: PHOTO },
          2,
          NOW,
        );
      const results = await Promise.all(['c1', 'c2', 'c3'].map(add));
      expect(results.map((r) => r.kind).sort()).toEqual(['full', 'stored', 'stored']);
      expect((await add('c1')).kind).toBe('already');
      expect(await countDraftAttachments(db, 'd-cap')).toBe(2);
      const note = (m: string, stored: boolean) =>
        notePhotoOfSet(db, { setId: 's1', lineMessageId: m, intakeKey: 'd-cap', stored }, NOW);
      await note('c1', true);
      expect(await claimSetAck(db, 's1', 2, NOW)).toBeUndefined();
      await note('c3', false);
      expect(await claimSetAck(db, 's1', 2, NOW)).toEqual({ stored: 1, refused: 1 });
      expect(await claimSetAck(db, 's1', 2, NOW)).toBeUndefined();
    });

    it('returns the stored bytes as a Uint8Array and stores a LINE message once', async () => {
      const db = await seeded(ctx.open);
      const { complaint } = await createComplaint(db, NAMED_COMPLAINT, NOW);
      const id = await addAttachment(
        db,
        { complaintId: complaint.id, lineMessageId: 'm9', contentType: 'image/jpeg', bytes: PHOTO },
        NOW,
      );
      expect(
        await addAttachment(
          db,
          { complaintId: complaint.id, lineMessageId: 'm9', contentType: 'image/jpeg', bytes: PHOTO },
          NOW,
        ),
      ).toBeUndefined();
      const photo = await findAttachment(db, complaint.id, id ?? 0);
      expect(photo?.bytes).toBeInstanceOf(Uint8Array);
      expect(Array.from(photo?.bytes ?? [])).toEqual(Array.from(PHOTO));
      expect(photo).toMatchObject({ contentType: 'image/jpeg', size: 8, createdAt: NOW.toISOString() });
      expect(await findAttachment(db, 'another-complaint', id ?? 0)).toBeUndefined();
    });

    it('counts the photos of an open draft', async () => {
      const db = await seeded(ctx.open);
      await addAttachment(db, { intakeKey: 'draft-9', contentType: 'image/jpeg', bytes: PHOTO }, NOW);
      await addAttachment(db, { intakeKey: 'draft-9', contentType: 'image/jpeg', bytes: PHOTO }, NOW);
      expect(await countDraftAttachments(db, 'draft-9')).toBe(2);
      expect(await countDraftAttachments(db, 'draft-0')).toBe(0);
    });
  });
});
