// Shared shapes of score-file parsing: the outcome, its errors, and setting a 'items.i4'-style field.
import type { Instrument, ScoreInput } from '../types.ts';

export interface ParseError {
  /** 1-based line in the file, when known. */
  line?: number;
  /** The ScoreInput field, as score() names it: 'fiscalYear', 'items.i99', 'indicators.11'. */
  field?: string;
  /** Thai. */
  message: string;
}

export type ParseOutcome =
  | {
      ok: true;
      input: ScoreInput;
      /** Line of each field in the file (CSV), so later errors from score() can name the line. */
      lines: Record<string, number>;
    }
  | { ok: false; errors: ParseError[] };

function isInstrument(key: string): key is Instrument {
  return key === 'IIT' || key === 'EIT' || key === 'OIT';
}

/**
 * Sets `fiscalYear`, `items.i4`, `indicators.9`, `instruments.OIT` or `eitParts.part1` on input;
 * false when the field cannot exist (an instrument other than IIT/EIT/OIT, an EIT part other than 1–2).
 */
export function setField(input: ScoreInput, field: string, value: number): boolean {
  const dot = field.indexOf('.');
  const group = dot < 0 ? field : field.slice(0, dot);
  const key = field.slice(dot + 1);
  if (group === 'fiscalYear') {
    input.fiscalYear = value;
  } else if (group === 'items') {
    input.items = input.items ?? {};
    input.items[key] = value;
  } else if (group === 'indicators') {
    input.indicators = input.indicators ?? {};
    input.indicators[key] = value;
  } else if (group === 'instruments' && isInstrument(key)) {
    input.instruments = input.instruments ?? {};
    input.instruments[key] = value;
  } else if (group === 'eitParts' && (key === 'part1' || key === 'part2')) {
    input.eitParts = input.eitParts ?? {};
    input.eitParts[key] = value;
  } else {
    return false;
  }
  return true;
}
