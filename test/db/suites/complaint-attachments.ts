// Complaint photos: bytes back as a Uint8Array on both runtimes, one copy per LINE message, draft counts.
import { describe, expect, it } from 'vitest';
import {
  addAttachment,
  countDraftAttachments,
  findAttachment,
} from '../../../db/queries/complaint-attachments.ts';
import { createComplaint } from '../../../db/queries/complaints.ts';
import { forEachDialect } from '../dialects.ts';
import { NAMED_COMPLAINT, NOW, PHOTO, seeded } from '../fixtures.ts';

describe('complaint attachments', () => {
  forEachDialect((ctx) => {
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
