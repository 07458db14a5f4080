// Complaints with their events and photos, on both dialects.
import { describe, expect, it } from 'vitest';
import { addAttachment, listAttachments } from '../../../db/queries/complaint-attachments.ts';
import {
  listComplaintEvents,
  rateComplaint,
  updateComplaintStatus,
} from '../../../db/queries/complaint-events.ts';
import {
  createComplaint,
  deleteExpiredComplaints,
  findComplaintByTrackingCode,
  findComplaintIdentity,
  listComplaints,
  listReporterComplaints,
} from '../../../db/queries/complaints.ts';
import { forEachDialect } from '../dialects.ts';
import { minutesLater, NAMED_COMPLAINT, NOW, PHOTO, PROVINCE, seeded } from '../fixtures.ts';

describe('complaints', () => {
  forEachDialect((ctx) => {
    it('files a complaint with its received event and its draft photos, once per intake key', async () => {
      const db = await seeded(ctx.open);
      await addAttachment(
        db,
        { intakeKey: 'draft-1', lineMessageId: 'm1', contentType: 'image/jpeg', bytes: PHOTO },
        NOW,
      );
      const { complaint, created } = await createComplaint(db, NAMED_COMPLAINT, NOW);
      expect(created).toBe(true);
      expect(complaint).toMatchObject({
        trackingCode: NAMED_COMPLAINT.trackingCode,
        status: 'received',
        agencyId: 'pt-pao',
        lat: 14.02,
        reopenedCount: 0,
      });
      expect(complaint).not.toHaveProperty('identityCipher');
      expect(await listComplaintEvents(db, complaint.id)).toEqual([
        { status: 'received', isPublic: true, actor: 'reporter', note: null, at: NOW.toISOString() },
      ]);
      expect((await listAttachments(db, complaint.id)).map((a) => a.size)).toEqual([PHOTO.length]);
      const again = await createComplaint(
        db,
        { ...NAMED_COMPLAINT, trackingCode: 'OTHR-CODE-0000' },
        minutesLater(1),
      );
      expect(again).toEqual({ complaint, created: false });
      expect(await findComplaintByTrackingCode(db, 'OTHR-CODE-0000')).toBeUndefined();
    });

    it('refuses a tracking code in use and keeps nothing of the second complaint', async () => {
      const db = await seeded(ctx.open);
      await createComplaint(db, NAMED_COMPLAINT, NOW);
      await expect(createComplaint(db, { ...NAMED_COMPLAINT, intakeKey: 'draft-2' }, NOW)).rejects.toThrow(
        /UNIQUE/,
      );
      expect(await listComplaints(db, { provinceId: PROVINCE })).toHaveLength(1);
    });

    it('stores nothing that links a "tracking code only" complaint to a LINE account', async () => {
      const db = await seeded(ctx.open);
      const linked = createComplaint(
        db,
        { ...NAMED_COMPLAINT, identityMode: 'code_only', identityCipher: null },
        NOW,
      );
      await expect(linked).rejects.toThrow(/CHECK/);
      const { complaint } = await createComplaint(
        db,
        {
          ...NAMED_COMPLAINT,
          identityMode: 'code_only',
          identityCipher: null,
          notifyCipher: null,
          reporterHash: null,
        },
        NOW,
      );
      expect(await findComplaintIdentity(db, complaint.id)).toEqual({
        identityMode: 'code_only',
        identityCipher: null,
        notifyCipher: null,
      });
      expect(await listReporterComplaints(db, 'hmac-of-user')).toEqual([]);
    });

    it('reads the encrypted identity only through findComplaintIdentity', async () => {
      const db = await seeded(ctx.open);
      const { complaint } = await createComplaint(db, NAMED_COMPLAINT, NOW);
      expect(await findComplaintIdentity(db, complaint.id)).toEqual({
        identityMode: 'named',
        identityCipher: 'base64-iv-and-ciphertext',
        notifyCipher: 'base64-line-id-ciphertext',
      });
      expect((await listReporterComplaints(db, 'hmac-of-user')).map((c) => c.id)).toEqual([complaint.id]);
    });

    it('changes status with its event, only from the expected status', async () => {
      const db = await seeded(ctx.open);
      const { complaint } = await createComplaint(db, NAMED_COMPLAINT, NOW);
      const ack = {
        complaintId: complaint.id,
        status: 'acknowledged',
        actor: 'Uofficer',
        from: ['received'],
        stamps: ['acknowledged'] as const,
      };
      const acknowledged = await updateComplaintStatus(db, ack, minutesLater(10));
      expect(acknowledged).toMatchObject({
        status: 'acknowledged',
        acknowledgedAt: minutesLater(10).toISOString(),
      });
      expect(await updateComplaintStatus(db, ack, minutesLater(11))).toBeUndefined();
      await updateComplaintStatus(
        db,
        {
          complaintId: complaint.id,
          status: 'acknowledged',
          actor: 'Uofficer',
          note: 'โทรสอบถามแล้ว',
          isPublic: false,
        },
        minutesLater(12),
      );
      const closed = await updateComplaintStatus(
        db,
        {
          complaintId: complaint.id,
          status: 'closed',
          actor: 'Uofficer',
          from: ['acknowledged'],
          result: 'ลงโทษทางวินัย',
          stamps: ['replied', 'closed'],
          deleteAfter: minutesLater(60),
        },
        minutesLater(20),
      );
      expect(closed).toMatchObject({
        result: 'ลงโทษทางวินัย',
        closedAt: minutesLater(20).toISOString(),
        acknowledgedAt: minutesLater(10).toISOString(),
      });
      const events = await listComplaintEvents(db, complaint.id, { publicOnly: true });
      expect(events.map((e) => e.status)).toEqual(['received', 'acknowledged', 'closed']);
      expect(await listComplaintEvents(db, complaint.id)).toHaveLength(4);
      expect(await rateComplaint(db, complaint.id, 4, minutesLater(30))).toBe(true);
      expect(await rateComplaint(db, complaint.id, 1, minutesLater(31))).toBe(false);
    });

    it('reopens a closed complaint, counting it and clearing the closing time', async () => {
      const db = await seeded(ctx.open);
      const { complaint } = await createComplaint(db, NAMED_COMPLAINT, NOW);
      await updateComplaintStatus(
        db,
        {
          complaintId: complaint.id,
          status: 'closed',
          actor: 'U',
          stamps: ['closed'],
          deleteAfter: minutesLater(99),
        },
        NOW,
      );
      const reopened = await updateComplaintStatus(
        db,
        {
          complaintId: complaint.id,
          status: 'in_progress',
          actor: 'reporter',
          from: ['closed'],
          reopen: true,
          deleteAfter: null,
        },
        minutesLater(1),
      );
      expect(reopened).toMatchObject({
        reopenedCount: 1,
        closedAt: null,
        deleteAfter: null,
        status: 'in_progress',
      });
    });

    it('lists by agency, status and period, and deletes past retention with events and photos', async () => {
      const db = await seeded(ctx.open);
      const a = await createComplaint(db, NAMED_COMPLAINT, NOW);
      await createComplaint(
        db,
        { ...NAMED_COMPLAINT, trackingCode: 'AAAA-BBBB-CCCC', intakeKey: 'd2', agencyId: null },
        minutesLater(60),
      );
      await addAttachment(db, { complaintId: a.complaint.id, contentType: 'image/png', bytes: PHOTO }, NOW);
      const codes = async (filter: Partial<Parameters<typeof listComplaints>[1]>) =>
        (await listComplaints(db, { provinceId: PROVINCE, ...filter })).map((c) => c.trackingCode);
      expect(await codes({})).toEqual(['AAAA-BBBB-CCCC', NAMED_COMPLAINT.trackingCode]);
      expect(await codes({ agencyId: null })).toEqual(['AAAA-BBBB-CCCC']);
      expect(await codes({ agencyId: 'pt-pao', statuses: ['received'] })).toEqual([
        NAMED_COMPLAINT.trackingCode,
      ]);
      expect(await codes({ from: minutesLater(30), to: minutesLater(90) })).toEqual(['AAAA-BBBB-CCCC']);
      await updateComplaintStatus(
        db,
        { complaintId: a.complaint.id, status: 'closed', actor: 'U', deleteAfter: minutesLater(5) },
        NOW,
      );
      expect(await deleteExpiredComplaints(db, minutesLater(5))).toBe(1);
      expect(await listComplaintEvents(db, a.complaint.id)).toEqual([]);
      expect(await listAttachments(db, a.complaint.id)).toEqual([]);
    });
  });
});
