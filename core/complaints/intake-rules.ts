// The intake rules of a complaint as data, and pure validators with the Thai message a person reads; the
// chat flow, the API and the LIFF form all check with these, so they can never disagree (issue 5 §1).
import { normalizeText } from '../chat/command-text.ts';
import { isOneOf } from '../one-of.ts';
import { type ComplaintType, isComplaintType } from './status.ts';

export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

export const IDENTITY_MODES = ['named', 'anonymous_updates', 'code_only'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

export const INTAKE_RULES = {
  descriptionMin: 10,
  descriptionMax: 5_000,
  nameMin: 2,
  nameMax: 100,
  /** "When and where", as one line of free text. */
  whenWhereMax: 500,
  maxPhotos: 5,
  /** Per photo: D1 keeps a row under 2 MB (https://developers.cloudflare.com/d1/platform/limits/). */
  maxPhotoBytes: 1_000_000,
  photoTypes: ['image/jpeg', 'image/png', 'image/webp'] as readonly string[],
  identityModes: IDENTITY_MODES,
} as const;

export const IDENTITY_MODE_LABELS: Record<IdentityMode, string> = {
  named: 'ระบุชื่อและเบอร์โทรศัพท์',
  anonymous_updates: 'ไม่ระบุชื่อ แต่รับแจ้งความคืบหน้าทาง LINE',
  code_only: 'ไม่ระบุตัวตน ติดตามด้วยรหัสติดตามเท่านั้น',
};

export function isIdentityMode(value: unknown): value is IdentityMode {
  return isOneOf(IDENTITY_MODES, value);
}

/** Trimmed, line breaks kept (a description is read as written), no other control characters. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/(?!\n)\p{Cc}/gu, '')
    .trim();
}

export function validateDescription(text: string): Check<string> {
  const value = clean(text);
  const { descriptionMin: min, descriptionMax: max } = INTAKE_RULES;
  if (value.length < min)
    return { ok: false, message: `โปรดเล่าเหตุการณ์ให้ละเอียดขึ้นอีกเล็กน้อย (อย่างน้อย ${min} ตัวอักษร)` };
  if (value.length > max)
    return {
      ok: false,
      message: `รายละเอียดยาวเกินไป (${value.length.toLocaleString('en-US')} ตัวอักษร) โปรดสรุปให้ไม่เกิน ${max.toLocaleString('en-US')} ตัวอักษร`,
    };
  return { ok: true, value };
}

/** A person's name: letters (Thai or Latin) with spaces, dots or hyphens; no digits, links or symbols. */
export function validateName(text: string): Check<string> {
  const value = clean(text).replace(/\n/g, ' ');
  const { nameMin: min, nameMax: max } = INTAKE_RULES;
  if (value.length < min || value.length > max)
    return { ok: false, message: `โปรดพิมพ์ชื่อและนามสกุล (${min}–${max} ตัวอักษร)` };
  if (!/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u.test(value))
    return { ok: false, message: 'ชื่อควรมีเฉพาะตัวอักษร ไม่มีตัวเลขหรือสัญลักษณ์ โปรดพิมพ์ชื่อและนามสกุลอีกครั้ง' };
  return { ok: true, value };
}

/** Optional "when and where": empty means not given. */
export function validateWhenWhere(text: string): Check<string | null> {
  const value = clean(text).replace(/\n/g, ' ');
  if (value === '') return { ok: true, value: null };
  if (value.length > INTAKE_RULES.whenWhereMax)
    return { ok: false, message: `โปรดเล่าเวลาและสถานที่สั้น ๆ ไม่เกิน ${INTAKE_RULES.whenWhereMax} ตัวอักษร` };
  return { ok: true, value };
}

/**
 * The image type a photo's bytes are, by their signature (magic numbers), never by the type a sender declared:
 * JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or WebP (RIFF….WEBP); anything else is undefined.
 */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50))
    return 'image/webp';
  return undefined;
}

/** A photo's bytes: its detected type (what it is stored and served as), or why it is refused. */
export function validatePhoto(bytes: Uint8Array): Check<string> {
  const type = sniffImageType(bytes);
  if (type === undefined || !INTAKE_RULES.photoTypes.includes(type))
    return { ok: false, message: 'รับเฉพาะรูปภาพ (JPEG, PNG หรือ WebP)' };
  if (bytes.byteLength > INTAKE_RULES.maxPhotoBytes)
    return {
      ok: false,
      message: `รูปนี้ใหญ่เกิน ${INTAKE_RULES.maxPhotoBytes / 1_000_000} เมกะไบต์ โปรดส่งรูปที่เล็กลง (เช่น ถ่ายหน้าจอหรือส่งแบบไม่ใช่ต้นฉบับ)`,
    };
  return { ok: true, value: type };
}

// Words a person may type for a type instead of pressing its button.
const TYPE_WORDS: Record<ComplaintType, readonly string[]> = {
  corruption: ['1', 'ทุจริต', 'ประพฤติมิชอบ', 'ทุจริต/ประพฤติมิชอบ', 'corruption', 'misconduct'],
  service: ['2', 'การให้บริการ', 'บริการ', 'service'],
  other: ['3', 'อื่น ๆ', 'อื่นๆ', 'อื่น', 'other'],
};

/** '1', 'ทุจริต', 'service' … → the complaint type; undefined when it names none. */
export function parseComplaintType(text: string): ComplaintType | undefined {
  const folded = normalizeText(text);
  if (isComplaintType(folded)) return folded;
  for (const [type, words] of Object.entries(TYPE_WORDS) as [ComplaintType, readonly string[]][])
    if (words.includes(folded)) return type;
  return undefined;
}
