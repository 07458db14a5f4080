// Reading a respondent-count report as staff type it after `รายงาน` / `report`: "IIT 45", "EIT ๑๒๐ คน".
import { parseThaiNumber, toArabicDigits } from '../thai/digits.ts';
import type { SurveyInstrument } from './targets.ts';

/** More respondents than this is a typo, not a count (the largest agencies have tens of thousands). */
export const MAX_REPORTED_COUNT = 1_000_000;

export type BadCount = 'not_number' | 'negative' | 'fraction' | 'too_large';

export type CountReportText =
  | { kind: 'report'; instrument: SurveyInstrument; count: number }
  /** Nothing after the keyword: show how to report. */
  | { kind: 'usage' }
  /** "รายงาน 45": which survey? */
  | { kind: 'missing_instrument'; count?: number }
  /** "report OIT 45": only IIT and EIT have respondents. */
  | { kind: 'unknown_instrument'; word: string }
  | { kind: 'missing_count'; instrument: SurveyInstrument }
  | { kind: 'bad_count'; instrument: SurveyInstrument; text: string; reason: BadCount }
  /** Thai words that are not a report ("รายงานการประชุม…"): group chatter, not meant for the bot. */
  | { kind: 'other' };

// A unit people add after the number: "45 คน", "120 ราย".
const UNIT = /\s*(คน|ราย|people|persons?)\.?$/i;

function readCount(instrument: SurveyInstrument, rest: string): CountReportText {
  const text = rest.replace(UNIT, '').trim();
  if (text === '') return { kind: 'missing_count', instrument };
  const value = parseThaiNumber(text);
  const bad = (reason: BadCount): CountReportText => ({ kind: 'bad_count', instrument, text: rest, reason });
  if (value === undefined) return bad('not_number');
  if (value < 0) return bad('negative');
  if (!Number.isInteger(value)) return bad('fraction');
  if (value > MAX_REPORTED_COUNT) return bad('too_large');
  return { kind: 'report', instrument, count: value };
}

export function parseCountReport(args: string): CountReportText {
  const text = toArabicDigits(args).replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'usage' };
  const named = /^(iit|eit)(?![a-z])\s*(.*)$/i.exec(text);
  if (named) {
    const instrument: SurveyInstrument = named[1]?.toUpperCase() === 'IIT' ? 'IIT' : 'EIT';
    return readCount(instrument, named[2] ?? '');
  }
  if (/^[+-]?[\d.,]/.test(text)) {
    const count = parseThaiNumber(text.replace(UNIT, ''));
    return count === undefined ? { kind: 'missing_instrument' } : { kind: 'missing_instrument', count };
  }
  const word = /^[a-z][a-z0-9]*/i.exec(text)?.[0];
  return word === undefined ? { kind: 'other' } : { kind: 'unknown_instrument', word };
}
