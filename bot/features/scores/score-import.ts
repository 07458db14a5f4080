// Score import from the mini-app: a CLI-format score file (one agency) or the same rows with an agency
// column / a JSON list (many agencies) → checked score sets, with every error by line; nothing is stored here.
import {
  describeField,
  type ParseError,
  type ParseOutcome,
  parseScoreFile,
  type ScoreInput,
  type ScoreResult,
  score,
} from '../../../core/index.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import type { ScoreValue } from '../../../db/queries/scores.ts';

export interface ImportError {
  /** 1-based line of the file; null when the error is about the file or a JSON field. */
  line: number | null;
  field: string | null;
  message: string;
}

export interface CheckedSet {
  agency: Agency;
  scores: ScoreValue[];
  result: ScoreResult;
}

export type ImportCheck = { ok: true; sets: CheckedSet[] } | { ok: false; errors: ImportError[] };

/** One agency's part of the file: who it names (or undefined: the request's agency) and its parse. */
interface Part {
  agencyRef?: string;
  /** Line the agency is named on, for "unknown agency" errors. */
  line?: number;
  parsed: ParseOutcome;
}

// Fields are named in Thai ("แบบวัด EIT"), never as paths ("instruments.EIT"): staff read these, not developers.
const errorOf = (e: ParseError): ImportError => ({
  line: e.line ?? null,
  field: e.field === undefined ? null : describeField(e.field),
  message: e.message,
});

const cellsOf = (line: string) =>
  line.split(/[,\t;]/).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );

/**
 * CSV with a third column: `agency_id,code,score`. Each agency's rows become a two-column file of the same
 * length (other lines blank) so the CLI's parser reports the file's own line numbers.
 */
function splitCsv(text: string): Part[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const data = lines
    .map((l, i) => ({ i, cells: cellsOf(l) }))
    .filter((r) => r.cells.join('') !== '' && !r.cells[0]?.startsWith('#'));
  if (!data.some((r) => r.cells.filter((c) => c !== '').length === 3)) return undefined;
  const [header] = data;
  const hasHeader = header !== undefined && /agency|หน่วยงาน|รหัสหน่วยงาน/i.test(header.cells[0] ?? '');
  const rows = hasHeader ? data.slice(1) : data;
  const byAgency = new Map<string, { line: number; text: string[] }>();
  const shared: { i: number; text: string }[] = [];
  for (const { i, cells } of rows) {
    if (cells.length === 2) shared.push({ i, text: cells.join(',') });
    else {
      const [agency = '', ...rest] = cells;
      let part = byAgency.get(agency);
      if (part === undefined) {
        part = { line: i + 1, text: lines.map(() => '') };
        byAgency.set(agency, part);
      }
      part.text[i] = rest.join(',');
    }
  }
  return [...byAgency].map(([agencyRef, part]) => {
    for (const s of shared) part.text[s.i] = s.text;
    return { agencyRef, line: part.line, parsed: parseScoreFile(part.text.join('\n'), 'csv') };
  });
}

/** JSON: one object, or a list of objects each naming its agency in `id` or `agency`. */
function splitJson(text: string): Part[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The CLI's parser names the line of the syntax error.
    return [{ parsed: parseScoreFile(text, 'json') }];
  }
  const list: unknown[] = Array.isArray(data) ? data : [data];
  return list.map((entry): Part => {
    const part: Part = { parsed: parseScoreFile(JSON.stringify(entry), 'json') };
    if (typeof entry !== 'object' || entry === null) return part;
    const ref = 'id' in entry ? entry.id : 'agency' in entry ? entry.agency : undefined;
    if (typeof ref === 'string' && ref.trim() !== '') part.agencyRef = ref.trim();
    return part;
  });
}

/** ScoreInput → the rows `scores` stores (item, indicator, instrument, eit_part). */
export function scoreValuesOf(input: ScoreInput): ScoreValue[] {
  const rows: ScoreValue[] = [];
  for (const [code, value] of Object.entries(input.items ?? {}))
    rows.push({ level: 'item', code, score: value });
  for (const [code, value] of Object.entries(input.indicators ?? {}))
    rows.push({ level: 'indicator', code: String(Number(code)), score: value });
  for (const [code, value] of Object.entries(input.instruments ?? {}))
    if (value !== undefined) rows.push({ level: 'instrument', code, score: value });
  for (const [code, value] of Object.entries(input.eitParts ?? {}))
    if (value !== undefined) rows.push({ level: 'eit_part', code, score: value });
  return rows;
}

function findAgency(agencies: readonly Agency[], ref: string): Agency | undefined {
  return agencies.find((a) => a.id === ref) ?? agencies.find((a) => a.nameTh === ref || a.shortName === ref);
}

/** Checks a whole file against the province's agencies and the year; ok only when every row is good. */
export function checkScoreImport(
  file: { fileName: string; content: string; year: number; agencyId?: string },
  agencies: readonly Agency[],
): ImportCheck {
  const format = /\.json$/i.test(file.fileName) || /^\uFEFF?\s*[[{]/.test(file.content) ? 'json' : 'csv';
  const split = format === 'json' ? splitJson(file.content) : splitCsv(file.content);
  const parts: Part[] = split ?? [{ parsed: parseScoreFile(file.content, 'csv') }];
  const errors: ImportError[] = [];
  const sets: CheckedSet[] = [];
  const seen = new Set<string>();
  parts.forEach((part, index) => {
    // A JSON list names the entry; a field is always in Thai.
    const prefix = format === 'json' && parts.length > 1 ? `รายการที่ ${index + 1} · ` : '';
    if (!part.parsed.ok) {
      errors.push(...part.parsed.errors.map((e) => errorOf(e)));
      return;
    }
    const ref = part.agencyRef ?? file.agencyId;
    const agency = ref === undefined ? undefined : findAgency(agencies, ref);
    if (agency === undefined) {
      errors.push({
        line: part.line ?? null,
        field: `${prefix}หน่วยงาน`,
        message:
          ref === undefined
            ? 'ไม่ได้ระบุหน่วยงาน: เลือกหน่วยงาน หรือใส่รหัสหน่วยงานเป็นคอลัมน์แรก (agency_id,code,score)'
            : `ไม่พบหน่วยงาน "${ref}" ในจังหวัดนี้`,
      });
    } else if (seen.has(agency.id)) {
      errors.push({
        line: part.line ?? null,
        field: `${prefix}หน่วยงาน`,
        message: `หน่วยงาน "${ref}" ซ้ำในไฟล์`,
      });
    } else seen.add(agency.id);
    const { input, lines } = part.parsed;
    if (input.fiscalYear !== undefined && input.fiscalYear !== file.year) {
      errors.push({
        line: lines.fiscalYear ?? null,
        field: `${prefix}ปีงบประมาณ`,
        message: `ปีงบประมาณในไฟล์ (${input.fiscalYear}) ไม่ตรงกับปีที่เลือก (${file.year})`,
      });
      return;
    }
    const outcome = score({ ...input, fiscalYear: file.year });
    if (!outcome.ok) {
      errors.push(
        ...outcome.errors.map((e) => ({
          line: lines[e.field] ?? null,
          field: `${prefix}${describeField(e.field)}`,
          message: e.message,
        })),
      );
      return;
    }
    const scores = scoreValuesOf(input);
    if (scores.length === 0)
      errors.push({ line: part.line ?? null, field: `${prefix}คะแนน`, message: 'ไม่มีคะแนนในไฟล์' });
    else if (agency !== undefined) sets.push({ agency, scores, result: outcome.result });
  });
  if (parts.length === 0) errors.push({ line: null, field: null, message: 'ไฟล์ว่าง ไม่มีคะแนนให้นำเข้า' });
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sets };
}
