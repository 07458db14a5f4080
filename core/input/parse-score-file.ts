// parseScoreFile(): the text of a score file (JSON or CSV) → a ScoreInput, shared by the CLI and LIFF import.
import { parseScoreCsv } from './parse-csv.ts';
import { parseScoreJson } from './parse-json.ts';
import type { ParseOutcome } from './score-fields.ts';

export type ScoreFileFormat = 'json' | 'csv';

/**
 * Parses without judging the scores against a framework: score() does that, and the `lines` of the
 * outcome let a caller put the CSV line number on score()'s errors.
 */
export function parseScoreFile(text: string, format: ScoreFileFormat): ParseOutcome {
  return format === 'json' ? parseScoreJson(text) : parseScoreCsv(text);
}

/** The format a file name implies ('.json', '.csv'), or undefined for anything else. */
export function formatOfFileName(name: string): ScoreFileFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}
