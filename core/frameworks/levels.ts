// Level schemes as data (AA–F to FY2565, five Thai levels from FY2566) and the rule that picks a level.
import { round2 } from '../round.ts';
import type { EitParts, Instrument, Level, LevelRule } from '../types.ts';

/** FY2562–FY2565: seven bands by total only [seed 001]; 85 and up passes ("ระดับ A (ผ่าน)"). */
export const BAND_LEVELS: readonly LevelRule[] = [
  {
    code: 'AA',
    label: 'AA (ผ่าน)',
    minTotal: 95,
    confirmed: true,
    source: 'ผลการประเมิน ITA ปี 2562 ของจังหวัดปทุมธานี',
  },
  {
    code: 'A',
    label: 'A (ผ่าน)',
    minTotal: 85,
    confirmed: true,
    source: 'ผลการประเมิน ITA ปี 2562 ของจังหวัดปทุมธานี',
  },
  {
    code: 'B',
    label: 'B (ไม่ผ่าน)',
    minTotal: 75,
    confirmed: true,
    source: 'ผลการประเมิน ITA ปี 2562 ของจังหวัดปทุมธานี',
  },
  {
    code: 'C',
    label: 'C (ไม่ผ่าน)',
    minTotal: 65,
    confirmed: true,
    source: 'ผลการประเมิน ITA ปี 2562 ของจังหวัดปทุมธานี',
  },
  {
    code: 'D',
    label: 'D (ไม่ผ่าน)',
    minTotal: 55,
    confirmed: true,
    source: 'ผลการประเมิน ITA ปี 2562 ของจังหวัดปทุมธานี',
  },
  {
    code: 'E',
    label: 'E (ไม่ผ่าน)',
    minTotal: 50,
    confirmed: true,
    source: 'ผลการประเมิน ITA ปี 2562 ของจังหวัดปทุมธานี',
  },
  {
    code: 'F',
    label: 'F (ไม่ผ่าน)',
    minTotal: 0,
    confirmed: true,
    source: 'ผลการประเมิน ITA ปี 2562 ของจังหวัดปทุมธานี',
  },
];

/**
 * From FY2566: by total and by every instrument (IIT, EIT part 1, EIT part 2, OIT) — ita-framework.md
 * "Level schemes". The 70 boundary is [unconfirmed] (third-party dashboards): override it with
 * overrideLevels() rather than editing code.
 */
export const FIVE_LEVELS: readonly LevelRule[] = [
  {
    code: 'ผ่านดีเยี่ยม',
    label: 'ผ่านดีเยี่ยม',
    minTotal: 95,
    minEachInstrument: 95,
    confirmed: true,
    source: 'รายงานวิเคราะห์ผล ITA ปี 2567 ของ อบจ.ตาก',
  },
  {
    code: 'ผ่านดี',
    label: 'ผ่านดี',
    minTotal: 85,
    minEachInstrument: 85,
    confirmed: true,
    source: 'ผลการประเมินที่เผยแพร่ต่อสาธารณะ',
  },
  { code: 'ผ่าน', label: 'ผ่าน', minTotal: 85, confirmed: true, source: 'แผนขับเคลื่อน ITA ปี 2567 ของจังหวัดพัทลุง' },
  {
    code: 'ต้องปรับปรุง',
    label: 'ต้องปรับปรุง',
    minTotal: 70,
    confirmed: false,
    source: 'ผลการประเมินที่ผู้อื่นเผยแพร่ (ยังไม่ยืนยัน)',
  },
  {
    code: 'ต้องปรับปรุงโดยด่วน',
    label: 'ต้องปรับปรุงโดยด่วน',
    minTotal: 0,
    confirmed: false,
    source: 'ต่ำกว่าระดับข้างต้นทั้งหมด',
  },
];

/**
 * Whether a total and the scores each instrument must clear meet a rule. Both are compared at the
 * 2-decimal figure the NACC publishes, not the unrounded value: a total of 94.995 is published as
 * 95.00 and is AA, and 84.994 is published as 84.99 and is B.
 */
export function meetsRule(rule: LevelRule, total: number, instrumentScores: readonly number[]): boolean {
  if (round2(total) < rule.minTotal) return false;
  const floor = rule.minEachInstrument;
  return floor === undefined || instrumentScores.every((score) => round2(score) >= floor);
}

const levels = new WeakMap<LevelRule, Level>();

/**
 * A rule's level, one frozen object per rule: scoring the country keeps 8,300 results alive until they
 * are ranked, and every object they hold is one more for the garbage collector to copy.
 */
function levelOfRule(rule: LevelRule): Level {
  let level = levels.get(rule);
  if (level === undefined || level.code !== rule.code || level.label !== rule.label) {
    level = Object.freeze({ code: rule.code, label: rule.label });
    levels.set(rule, level);
  }
  return level;
}

/** The first (best) rule met; undefined only for a scheme without a catch-all last rule. */
export function decideLevel(
  rules: readonly LevelRule[],
  total: number,
  instrumentScores: readonly number[],
): Level | undefined {
  for (const rule of rules) {
    if (meetsRule(rule, total, instrumentScores)) return levelOfRule(rule);
  }
  return undefined;
}

/**
 * The scores that must clear a per-instrument floor: IIT, OIT, and EIT — replaced by its two parts
 * when both are given; a single part is checked alongside EIT (ita-framework.md "Level schemes").
 */
export function levelScores(
  instruments: readonly Instrument[],
  scores: Partial<Record<Instrument, number>>,
  parts: EitParts | undefined,
): number[] {
  const out: number[] = [];
  const both = parts?.part1 !== undefined && parts.part2 !== undefined;
  for (const instrument of instruments) {
    const value = scores[instrument];
    if (instrument !== 'EIT') {
      if (value !== undefined) out.push(value);
      continue;
    }
    if (value !== undefined && !both) out.push(value);
    if (parts?.part1 !== undefined) out.push(parts.part1);
    if (parts?.part2 !== undefined) out.push(parts.part2);
  }
  return out;
}

export type LevelOverrides = Readonly<Record<string, { minTotal?: number; minEachInstrument?: number }>>;

/** A copy of `rules` with thresholds a coordinator changed, keyed by level code; marks them confirmed. */
export function overrideLevels(rules: readonly LevelRule[], overrides: LevelOverrides): LevelRule[] {
  return rules.map((rule) => {
    const change = overrides[rule.code];
    if (change === undefined) return rule;
    const next: LevelRule = { ...rule, confirmed: true, source: 'ผู้ประสานงานกำหนดเอง' };
    if (change.minTotal !== undefined) next.minTotal = change.minTotal;
    if (change.minEachInstrument !== undefined) next.minEachInstrument = change.minEachInstrument;
    return next;
  });
}
