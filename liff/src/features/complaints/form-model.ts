// The LIFF complaint form as data: its steps, its state, and each step's check with core's own validators,
// so the form shows the very Thai messages the chat intake and the API give (issue 5 §1).
import {
  type IdentityMode,
  INTAKE_RULES,
  validateDescription,
  validateName,
  validateWhenWhere,
} from '../../../../core/complaints/intake-rules.ts';
import { normalizeThaiPhone } from '../../../../core/complaints/phone.ts';
import type { ComplaintType } from '../../../../core/complaints/status.ts';
import type { ComplaintBody } from './types.ts';

export const FORM_STEPS = ['privacy', 'what', 'story', 'whenWhere', 'photos', 'identity', 'confirm'] as const;
export type FormStep = (typeof FORM_STEPS)[number];

export const STEP_TITLES: Record<FormStep, string> = {
  privacy: 'การคุ้มครองข้อมูลของท่าน',
  what: 'ประเภทเรื่องและหน่วยงาน',
  story: 'เล่าเหตุการณ์',
  whenWhere: 'เวลาและสถานที่ (ไม่บังคับ)',
  photos: 'รูปภาพประกอบ (ไม่บังคับ)',
  identity: 'วิธีระบุตัวตน',
  confirm: 'ตรวจสอบและยืนยัน',
};

/** A photo ready to send: already downscaled and re-encoded (complaint-photos.ts). */
export interface FormPhoto {
  contentType: string;
  /** Base64 without the data: prefix. */
  data: string;
  bytes: number;
  /** data: URL for the preview. */
  preview: string;
}

export interface FormState {
  accepted: boolean;
  type: ComplaintType | null;
  /** undefined: not chosen yet; null: "ไม่ทราบ" (the province's officers handle it). */
  agency: { id: string; name: string } | null | undefined;
  description: string;
  occurredAt: string;
  place: string;
  location: { lat: number; lng: number } | null;
  photos: FormPhoto[];
  identityMode: IdentityMode | null;
  name: string;
  phone: string;
}

export const EMPTY_FORM: FormState = {
  accepted: false,
  type: null,
  agency: undefined,
  description: '',
  occurredAt: '',
  place: '',
  location: null,
  photos: [],
  identityMode: null,
  name: '',
  phone: '',
};

/** Field → Thai message; empty when the step may be left. */
export type FieldErrors = Partial<Record<keyof FormState, string>>;

/** The step's problems, checked with the same rules as chat and the API. */
export function checkStep(step: FormStep, form: FormState): FieldErrors {
  const errors: FieldErrors = {};
  const put = (field: keyof FormState, check: { ok: true } | { ok: false; message: string }) => {
    if (!check.ok) errors[field] = check.message;
  };
  switch (step) {
    case 'privacy':
      if (!form.accepted) errors.accepted = 'โปรดอ่านและกดยอมรับก่อนแจ้งเรื่อง';
      break;
    case 'what':
      if (form.type === null) errors.type = 'โปรดเลือกประเภทเรื่อง';
      if (form.agency === undefined) errors.agency = 'โปรดเลือกหน่วยงาน หรือเลือก "ไม่ทราบ"';
      break;
    case 'story':
      put('description', validateDescription(form.description));
      break;
    case 'whenWhere':
      put('occurredAt', validateWhenWhere(form.occurredAt));
      put('place', validateWhenWhere(form.place));
      break;
    case 'photos':
      if (form.photos.length > INTAKE_RULES.maxPhotos)
        errors.photos = `แนบรูปได้ไม่เกิน ${INTAKE_RULES.maxPhotos} รูป`;
      break;
    case 'identity':
      if (form.identityMode === null) errors.identityMode = 'โปรดเลือกวิธีระบุตัวตน';
      if (form.identityMode === 'named') {
        put('name', validateName(form.name));
        put('phone', normalizeThaiPhone(form.phone));
      }
      break;
    case 'confirm':
      break;
  }
  return errors;
}

/** The first step with a problem before `upTo` (the summary re-checks everything before sending). */
export function firstInvalidStep(form: FormState, upTo: FormStep = 'confirm'): FormStep | undefined {
  for (const step of FORM_STEPS) {
    if (step === upTo) return undefined;
    if (Object.keys(checkStep(step, form)).length > 0) return step;
  }
  return undefined;
}

/** The request body of POST /api/complaints; name and phone go only with a named complaint. */
export function bodyOf(form: FormState, submissionId: string): ComplaintBody {
  const named = form.identityMode === 'named';
  const phone = normalizeThaiPhone(form.phone);
  return {
    submissionId,
    type: form.type ?? 'other',
    agencyId: form.agency?.id ?? null,
    description: form.description.trim(),
    occurredAt: form.occurredAt.trim() || null,
    place: form.place.trim() || null,
    lat: form.location?.lat ?? null,
    lng: form.location?.lng ?? null,
    photos: form.photos.map((p) => ({ contentType: p.contentType, data: p.data })),
    identityMode: form.identityMode ?? 'code_only',
    name: named ? form.name.trim() : null,
    phone: named ? (phone.ok ? phone.value : form.phone) : null,
  };
}

/** A version-4 UUID: randomUUID where the browser has it (secure contexts), else from getRandomValues. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
