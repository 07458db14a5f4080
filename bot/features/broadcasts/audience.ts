// Who an announcement goes to: the `[…]` filters typed before its text, the quick-reply presets, and their
// stored form. Pure: names of districts and activity numbers are checked against the database by the caller.
import { z } from 'zod';
import { toArabicDigits } from '../../../core/index.ts';
import type { AgencyType } from '../../../db/schema.ts';
import { AGENCY_TYPES, agencyTypeLabel } from '../scores/agency-types.ts';

/** As stored in broadcasts.filter: every part optional, all parts must hold (AND); an empty filter is all. */
export const BroadcastFilter = z.object({
  types: z.array(z.enum(AGENCY_TYPES)).optional(),
  districts: z.array(z.string()).optional(),
  /** Agencies responsible for this plan activity that have not marked it done. */
  activityId: z.string().optional(),
});
export type BroadcastFilter = z.infer<typeof BroadcastFilter>;

/** What was typed, before the database resolves district names and activity numbers. */
export interface TypedFilter {
  types: AgencyType[];
  districts: string[];
  notDoneSeq?: number;
}

const LOCAL: AgencyType[] = ['pao', 'municipality', 'sao'];

/** Words for agency types, Thai and English (lower case, no dots). */
const TYPE_WORDS: Record<string, AgencyType[]> = {
  อปท: LOCAL,
  ท้องถิ่น: LOCAL,
  local: LOCAL,
  อบจ: ['pao'],
  pao: ['pao'],
  เทศบาล: ['municipality'],
  municipality: ['municipality'],
  อบต: ['sao'],
  sao: ['sao'],
  อำเภอ: ['district'],
  ที่ว่าการอำเภอ: ['district'],
  district: ['district'],
  ส่วนราชการ: ['line_agency', 'provincial_office'],
  line: ['line_agency', 'provincial_office'],
  สำนักงานจังหวัด: ['provincial_office'],
  อื่นๆ: ['other'],
  other: ['other'],
};

const fold = (word: string) => word.toLowerCase().replace(/[.\s]/g, '');

/** The agency types a typed word names; own keys only, so "[constructor]" is text and not Object's own member. */
const typesOf = (word: string): AgencyType[] | undefined => {
  const key = fold(word);
  return Object.hasOwn(TYPE_WORDS, key) ? TYPE_WORDS[key] : undefined;
};

/** Quick-reply presets of the audience picker (postback `f=`), with their button labels. */
export const PRESETS: Record<string, { label: string; types: AgencyType[] }> = {
  all: { label: 'ทุกกลุ่ม', types: [] },
  local: { label: 'อปท. ทั้งหมด', types: LOCAL },
  municipality: { label: 'เทศบาล', types: ['municipality'] },
  sao: { label: 'อบต.', types: ['sao'] },
  district: { label: 'ที่ว่าการอำเภอ', types: ['district'] },
  line: { label: 'ส่วนราชการ', types: ['line_agency', 'provincial_office'] },
};

export type AudienceParse =
  | { ok: true; filter: TypedFilter; text: string }
  | { ok: false; problem: 'type'; value: string }
  | { ok: false; problem: 'activity'; value: string };

const KEYS: readonly [RegExp, 'type' | 'district' | 'activity'][] = [
  [/^(ประเภท|type)\s*[:：]?\s*/i, 'type'],
  [/^(อำเภอ|อ\.|district)\s*[:：]?\s*(?=\S)/i, 'district'],
  [/^(ยังไม่เสร็จ|ค้าง|not done|notdone)\s*[:：]?\s*/i, 'activity'],
];

/** One `[…]` part: a filter, a problem with a recognised filter, or undefined (not a filter: it is text). */
function readPart(inside: string, into: TypedFilter): AudienceParse | 'ok' | undefined {
  const part = toArabicDigits(inside).trim();
  if (/^(ทั้งหมด|ทุกกลุ่ม|all)$/i.test(part)) return 'ok';
  const bare = typesOf(part);
  if (bare !== undefined) {
    into.types.push(...bare);
    return 'ok';
  }
  for (const [key, what] of KEYS) {
    const match = key.exec(part);
    if (match === null) continue;
    const values = part
      .slice(match[0].length)
      .split(/\s*[,/]\s*|\s+และ\s+/)
      .filter(Boolean);
    if (what === 'district') {
      into.districts.push(...values);
      return 'ok';
    }
    if (what === 'activity') {
      const seq = Number(values[0]);
      if (values.length !== 1 || !Number.isInteger(seq) || seq < 1)
        return { ok: false, problem: 'activity', value: part };
      into.notDoneSeq = seq;
      return 'ok';
    }
    for (const value of values) {
      const types = typesOf(value);
      if (types === undefined) return { ok: false, problem: 'type', value };
      into.types.push(...types);
    }
    return 'ok';
  }
  return undefined;
}

/**
 * Reads `[อปท.] [อำเภอ: คลองหลวง] ข้อความ…`: filters in square brackets before the text. A bracket that is not
 * a filter ("[ด่วน]") starts the text, so a coordinator's usual prefixes survive; the preview shows who gets it.
 */
export function parseAudience(typed: string): AudienceParse {
  const filter: TypedFilter = { types: [], districts: [] };
  let rest = typed.trimStart();
  for (;;) {
    const match = /^\[([^\]\n]*)\]/.exec(rest);
    if (match === null) break;
    const read = readPart(match[1] ?? '', filter);
    if (read === undefined) break;
    if (read !== 'ok') return read;
    rest = rest.slice(match[0].length).trimStart();
  }
  filter.types = [...new Set(filter.types)];
  filter.districts = [...new Set(filter.districts)];
  return { ok: true, filter, text: rest.trim() };
}

/** A short fingerprint of a filter, carried by the send button so an outdated preview cannot be confirmed. */
export function filterKey(filter: BroadcastFilter): string {
  const text = JSON.stringify([filter.types ?? [], filter.districts ?? [], filter.activityId ?? '']);
  let hash = 0x811c9dc5; // FNV-1a, 32-bit: enough to tell a coordinator's few filters apart
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** Who gets it, in words: "กลุ่มของ เทศบาล, อบต. ในอำเภอคลองหลวง ที่ยังไม่เสร็จงานข้อ 5 …". */
export function describeAudience(
  filter: BroadcastFilter,
  activity?: { seq: number; titleTh: string },
): string {
  const parts: string[] = [];
  if (filter.types?.length) parts.push(filter.types.map(agencyTypeLabel).join(', '));
  if (filter.districts?.length) parts.push(`ในอำเภอ${filter.districts.join(', ')}`);
  if (filter.activityId !== undefined)
    parts.push(
      activity === undefined ? 'ที่ยังไม่เสร็จงานที่เลือก' : `ที่ยังไม่เสร็จงานข้อ ${activity.seq} ${activity.titleTh}`,
    );
  return parts.length === 0 ? 'ทุกกลุ่มหน่วยงานที่ผูกแล้ว' : `กลุ่มของหน่วยงาน ${parts.join(' ')}`;
}
