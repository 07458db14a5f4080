// CSV score files: `code,score` rows, a `fiscal_year,2567` row, optional header, Thai digits accepted.
import { parseThaiNumber, toArabicDigits } from '../thai/digits.ts';
import type { ScoreInput } from '../types.ts';
import { type ParseError, type ParseOutcome, setField } from './score-fields.ts';

const YEAR_KEYS = new Set(['fiscal_year', 'fiscalyear', 'fiscal year', 'fy', 'ปีงบประมาณ', 'ปี']);

/** The ScoreInput field a code cell names ('items.i4', 'indicators.9', 'instruments.OIT'), or undefined. */
export function fieldOfCode(cell: string): string | undefined {
  const code = toArabicDigits(cell).trim().toLowerCase().replace(/\s+/g, ' ');
  if (YEAR_KEYS.has(code)) return 'fiscalYear';
  if (/^[ieo]\d+$/.test(code)) return `items.${code}`;
  if (/^\d+$/.test(code)) return `indicators.${Number(code)}`;
  if (code === 'iit' || code === 'eit' || code === 'oit') return `instruments.${code.toUpperCase()}`;
  const part = /^eit[ _]?(?:part[ _]?)?([12])$/.exec(code);
  if (part !== null) return `eitParts.part${part[1]}`;
  return undefined;
}

function cellsOf(line: string): string[] {
  const cells = line.split(/[,\t;]/).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** One row → an error, or the field and value it sets. */
function readRow(cells: string[], line: number): ParseError | { field: string; value: number } {
  const [code = '', text = ''] = cells;
  if (cells.length !== 2) {
    return { line, message: `ต้องมี 2 ช่อง คือ รหัส,คะแนน (พบ ${cells.length} ช่อง)` };
  }
  const field = fieldOfCode(code);
  if (field === undefined) {
    return { line, message: `ไม่รู้จักรหัส "${code}" (ใช้ fiscal_year, i1/e1/o1, ตัวชี้วัด 1–10 หรือ IIT/EIT/OIT)` };
  }
  const value = parseThaiNumber(text);
  if (value === undefined) return { line, field, message: `ค่า "${text}" ของ "${code}" ไม่ใช่ตัวเลข` };
  if (field === 'fiscalYear' && !Number.isInteger(value)) {
    return { line, field, message: `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567 (ได้รับ "${text}")` };
  }
  return { field, value };
}

export function parseScoreCsv(text: string): ParseOutcome {
  const input: ScoreInput = {};
  const lines: Record<string, number> = {};
  const errors: ParseError[] = [];
  let seenData = false;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const cells = cellsOf(raw);
      if (cells.length === 0 || cells[0]?.startsWith('#')) return;
      // A first row that names no code and holds no number is a header ("code,score", "รหัส,คะแนน").
      if (
        !seenData &&
        fieldOfCode(cells[0] ?? '') === undefined &&
        parseThaiNumber(cells[1] ?? '') === undefined
      ) {
        seenData = true;
        return;
      }
      seenData = true;
      const row = readRow(cells, line);
      if ('message' in row) {
        errors.push(row);
        return;
      }
      const first = lines[row.field];
      if (first !== undefined) {
        errors.push({ line, field: row.field, message: `รหัส "${cells[0] ?? ''}" ซ้ำกับบรรทัด ${first}` });
        return;
      }
      lines[row.field] = line;
      setField(input, row.field, row.value);
    });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input, lines };
}
