// JSON score files: {"fiscalYear": 2567, "items": {…}, "indicators": {…}, "instruments": {…}, "eitParts": {…}}.
import { parseThaiNumber } from '../thai/digits.ts';
import type { ScoreInput } from '../types.ts';
import { type ParseError, type ParseOutcome, setField } from './score-fields.ts';

const SCORE_GROUPS = new Set(['items', 'indicators', 'instruments', 'eitParts']);
/** Descriptive keys a file may carry next to the scores; they are ignored. */
const METADATA_KEYS = new Set(['agency', 'id', 'name', 'type', 'note', 'source']);

/** The line of a JSON.parse failure, from "at position N" (Node 20) or "line N column M" (newer V8). */
function lineOfSyntaxError(text: string, message: string): number | undefined {
  const line = /line (\d+) column/.exec(message);
  if (line?.[1] !== undefined) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position?.[1] === undefined) return undefined;
  return text.slice(0, Number(position[1])).split('\n').length;
}

/** A number, or text of one (Thai digits allowed); undefined otherwise. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return typeof value === 'string' ? parseThaiNumber(value) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readGroup(input: ScoreInput, group: string, value: unknown, errors: ParseError[]): void {
  if (!isRecord(value)) {
    errors.push({ field: group, message: `"${group}" ต้องเป็นออบเจกต์ รหัส → คะแนน เช่น {"i1": 96.24}` });
    return;
  }
  for (const [key, raw] of Object.entries(value)) {
    const field = `${group}.${key}`;
    const score = numberOf(raw);
    if (score === undefined) {
      errors.push({ field, message: `คะแนนของ "${key}" ต้องเป็นตัวเลข (ได้รับ ${JSON.stringify(raw)})` });
      continue;
    }
    if (!setField(input, field, score)) {
      const known = group === 'instruments' ? 'IIT, EIT, OIT' : 'part1, part2';
      errors.push({ field, message: `ไม่รู้จัก "${key}" ใน ${group} (มี ${known})` });
    }
  }
}

export function parseScoreJson(text: string): ParseOutcome {
  let data: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(body);
  } catch (error) {
    const line = lineOfSyntaxError(body, error instanceof Error ? error.message : '');
    const at: ParseError = { message: 'ไฟล์ JSON ไม่ถูกต้อง (ตรวจวงเล็บ เครื่องหมายจุลภาค และเครื่องหมายคำพูด)' };
    if (line !== undefined) at.line = line;
    return { ok: false, errors: [at] };
  }
  if (!isRecord(data)) {
    return {
      ok: false,
      errors: [{ message: 'ไฟล์ JSON ต้องเป็นออบเจกต์ เช่น {"fiscalYear": 2567, "items": {…}}' }],
    };
  }
  const input: ScoreInput = {};
  const errors: ParseError[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'fiscalYear') {
      const year = numberOf(value);
      if (year === undefined || !Number.isInteger(year)) {
        errors.push({
          field: key,
          message: `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567 (ได้รับ ${JSON.stringify(value)})`,
        });
      } else input.fiscalYear = year;
    } else if (SCORE_GROUPS.has(key)) {
      readGroup(input, key, value, errors);
    } else if (!METADATA_KEYS.has(key)) {
      errors.push({
        field: key,
        message: `ไม่รู้จักช่อง "${key}" (ใช้ fiscalYear, items, indicators, instruments, eitParts)`,
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input, lines: {} };
}
