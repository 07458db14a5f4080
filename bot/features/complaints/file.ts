// Filing a complaint, the one way chat and the API both take: validate, seal the identity, draw a tracking
// code, store it (once per intake key) and announce it to the officers (issue 5 §1, §3).
import {
  type Check,
  type IdentityMode,
  INTAKE_RULES,
  isIdentityMode,
  sniffImageType,
  validateDescription,
  validateName,
  validatePhoto,
  validateWhenWhere,
} from '../../../core/complaints/intake-rules.ts';
import { normalizeThaiPhone } from '../../../core/complaints/phone.ts';
import { isComplaintType } from '../../../core/complaints/status.ts';
import { drawTrackingCode, TRACKING_CODE_BYTES } from '../../../core/complaints/tracking-code.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { addAttachment } from '../../../db/queries/complaint-attachments.ts';
import { type Complaint, createComplaint, findComplaintByIntakeKey } from '../../../db/queries/complaints.ts';
import type { Deps } from '../../deps.ts';
import type { Settings } from '../settings/settings.ts';
import { nextHour, takeLimit } from './limits.ts';
import { announceOrHold } from './surge.ts';

export interface ComplaintInput {
  provinceId: string;
  agencyId: string | null;
  type: string;
  channel: 'chat' | 'liff';
  description: string;
  occurredAt?: string | null;
  place?: string | null;
  lat?: number | null;
  lng?: number | null;
  identityMode: string;
  name?: string | null;
  phone?: string | null;
  /** Who files it: the 1:1 chat's user or the signed-in viewer. Stored only as the identity mode allows. */
  userId: string;
  /** The chat draft or the form's submissionId: filing it twice files one complaint. */
  intakeKey: string;
  /** Photos sent with the form (chat photos are already stored on the draft's intake key). */
  photos?: readonly { contentType: string; bytes: Uint8Array }[];
}

export type FileOutcome =
  | { kind: 'filed'; complaint: Complaint; created: boolean }
  | { kind: 'invalid'; field: string; message: string }
  | { kind: 'limited'; until: Date; limit: number };

const MAX_CODE_DRAWS = 5;

type Valid = Omit<ComplaintInput, 'name' | 'phone' | 'identityMode'> & {
  identityMode: IdentityMode;
  identity: { name: string; phone: string } | null;
};

function firstProblem(checks: [string, Check<unknown>][]): FileOutcome | undefined {
  for (const [field, check] of checks)
    if (!check.ok) return { kind: 'invalid', field, message: check.message };
  return undefined;
}

async function validate(deps: Deps, input: ComplaintInput): Promise<FileOutcome | Valid> {
  if (!isComplaintType(input.type)) return { kind: 'invalid', field: 'type', message: 'โปรดเลือกประเภทเรื่อง' };
  if (input.agencyId !== null) {
    const agency = await findAgencyById(deps.db, input.agencyId);
    if (agency === undefined || agency.provinceId !== input.provinceId)
      return {
        kind: 'invalid',
        field: 'agencyId',
        message: 'ไม่พบหน่วยงานนี้ในจังหวัด โปรดเลือกใหม่หรือเลือก "ไม่ทราบ"',
      };
  }
  const identityMode = input.identityMode;
  if (!isIdentityMode(identityMode))
    return { kind: 'invalid', field: 'identityMode', message: 'โปรดเลือกวิธีระบุตัวตน' };
  if ((input.lat == null) !== (input.lng == null))
    return { kind: 'invalid', field: 'lat', message: 'ตำแหน่งต้องมีทั้งละติจูดและลองจิจูด' };
  const description = validateDescription(input.description);
  const occurredAt = validateWhenWhere(input.occurredAt ?? '');
  const place = validateWhenWhere(input.place ?? '');
  const photos = input.photos ?? [];
  const tooMany: Check<null> =
    photos.length > INTAKE_RULES.maxPhotos
      ? { ok: false, message: `แนบรูปได้ไม่เกิน ${INTAKE_RULES.maxPhotos} รูป` }
      : { ok: true, value: null };
  const problem = firstProblem([
    ['description', description],
    ['occurredAt', occurredAt],
    ['place', place],
    ['photos', tooMany],
    ...photos.map((p, i): [string, Check<string>] => [`photos.${i}`, validatePhoto(p.bytes)]),
  ]);
  if (problem !== undefined) return problem;
  let identity: Valid['identity'] = null;
  if (input.identityMode === 'named') {
    const name = validateName(input.name ?? '');
    const phone = normalizeThaiPhone(input.phone ?? '');
    if (!name.ok) return { kind: 'invalid', field: 'name', message: name.message };
    if (!phone.ok) return { kind: 'invalid', field: 'phone', message: phone.message };
    identity = { name: name.value, phone: phone.value };
  }
  return {
    ...input,
    identityMode,
    description: description.ok ? description.value : input.description,
    occurredAt: occurredAt.ok ? occurredAt.value : null,
    place: place.ok ? place.value : null,
    identity,
  };
}

/** The province-wide ceiling when a caller passes only the per-user limit (the stored setting's default). */
const PROVINCE_CEILING_DEFAULT = 60;

const isCodeClash = (error: unknown) =>
  error instanceof Error && /UNIQUE/i.test(error.message) && /tracking_code/.test(error.message);

/** `settings`: the caller's read for this request (the chat's receipt quotes them too). */
export async function fileComplaint(
  deps: Deps,
  input: ComplaintInput,
  now: Date,
  settings: Pick<Settings, 'complaintsPerHour'> & Partial<Pick<Settings, 'complaintsPerHourProvince'>>,
): Promise<FileOutcome> {
  const valid = await validate(deps, input);
  if ('kind' in valid) return valid;
  const filed = await findComplaintByIntakeKey(deps.db, input.intakeKey);
  if (filed !== undefined) return { kind: 'filed', complaint: filed, created: false };
  const crypto = deps.complaintCrypto;
  // The limit is keyed by the hash even for "tracking code only": the key is never stored with the case.
  const hash = await crypto.reporterHash(input.userId);
  const { complaintsPerHour } = settings;
  if (!(await takeLimit(deps.db, 'complaint-new', hash, complaintsPerHour, now)))
    return { kind: 'limited', until: nextHour(now), limit: complaintsPerHour };
  const linked = valid.identityMode !== 'code_only';
  const sealed = {
    identityCipher: valid.identity === null ? null : await crypto.seal(JSON.stringify(valid.identity)),
    notifyCipher: linked ? await crypto.seal(input.userId) : null,
    reporterHash: linked ? hash : null,
  };
  for (const [i, photo] of (input.photos ?? []).entries()) {
    // A made-up message id per form photo: a double submit stores each photo once.
    const lineMessageId = `form:${input.intakeKey}:${i}`;
    // Stored with the type its bytes are (validate checked every photo has one), never the declared type.
    const contentType = sniffImageType(photo.bytes) ?? 'application/octet-stream';
    await addAttachment(
      deps.db,
      { intakeKey: input.intakeKey, lineMessageId, bytes: photo.bytes, contentType },
      now,
    );
  }
  for (let draw = 1; ; draw += 1) {
    const code = drawTrackingCode(globalThis.crypto.getRandomValues(new Uint8Array(TRACKING_CODE_BYTES)));
    if (code === undefined) continue;
    try {
      const { complaint, created } = await createComplaint(
        deps.db,
        {
          trackingCode: code,
          intakeKey: input.intakeKey,
          provinceId: valid.provinceId,
          agencyId: valid.agencyId,
          type: valid.type,
          channel: valid.channel,
          description: valid.description,
          occurredAt: valid.occurredAt,
          place: valid.place,
          lat: valid.lat ?? null,
          lng: valid.lng ?? null,
          identityMode: valid.identityMode,
          ...sealed,
        },
        now,
      );
      if (created)
        await announceOrHold(
          deps,
          complaint,
          now,
          settings.complaintsPerHourProvince ?? PROVINCE_CEILING_DEFAULT,
        );
      return { kind: 'filed', complaint, created };
    } catch (error) {
      if (!isCodeClash(error) || draw >= MAX_CODE_DRAWS) throw error;
    }
  }
}
