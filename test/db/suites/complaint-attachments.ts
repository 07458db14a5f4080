// Complaint photos: bytes back as a Uint8Array on both runtimes, one copy per LINE message, draft counts.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/db.ts';
import {
  addAttachment,
  countDraftAttachments,
  findAttachment,
} from '../../../db/queries/complaint-attachments.ts';
import type { NewComplaint } from '../../../db/queries/complaints.ts';
import { createComplaint } from '../../../db/queries/complaints.ts';
import { forEachDialect } from '../dialects.ts';
import { NOW, PROVINCE, seedProvince } from '../fixtures.ts';

const NAMED: NewComplaint = {
  trackingCode: 'K7QM-2XPA-9DRT',
  intakeKey: 'draft-1',
  provinceId: PROVINCE,
  agencyId: 'pt-pao',
  type: 'corruption',
  channel: 'chat',
  description: 'เจ้าหน้าที่เรียกรับเงินเพื่อเร่งออกใบอนุญาต',
  place: 'ศาลากลาง',
  lat: 14.02,
  lng: 100.52,
  identityMode: 'named',
  identityCipher: 'base64-iv-and-ciphertext',
  notifyCipher: 'base64-line-id-ciphertext',
  reporterHash: 'hmac-of-user',
};
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 250]);

async function seeded(open: () => Promise<Db>): Promise<Db> {
  const db = await open();
  await seedProvince(db);
  return db;
}

describe('complaint attachments', () => {
  forEachDialect((ctx) => {
    it('returns the stored bytes as a Uint8Array and stores a LINE message once', async () => {
      const db = await seeded(ctx.open);
      const { complaint } = await createComplaint(db, NAMED, NOW);
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
