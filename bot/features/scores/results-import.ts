// A results table with one row per agency (a province's or the national list): columns mapped by header (Thai
// or English), agencies matched by ITAS code, id or name, every bad cell reported at once in Thai, published
// figures kept as published and differences above 0.01 from their recomputation reported as warnings.
import {
  describeField,
  type Framework,
  frameworkFor,
  INDICATOR_IDS,
  parseThaiNumber,
  publishedDifferences,
  round2,
  type ScoreInput,
  score,
} from '../../../core/index.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import type { ScoreSet, ScoreValue } from '../../../db/queries/scores.ts';
import type { Table } from './table.ts';

/** What a column can hold. Item codes ('i1', 'e3', 'o19') are columns too. */
export type ColumnField =
  | 'agency_id'
  | 'itas_code'
  | 'name'
  | 'year'
  | 'total'
  | 'level'
  | 'iit'
  | 'eit'
  | 'oit'
  | 'eit_part1'
  | 'eit_part2'
  | `indicator_${number}`
  | 'rank_national'
  | 'rank_in_group'
  | 'ignore'
  | `item:${string}`;

const norm = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()]+/g, ' ')
    .trim();

/** Known headers, written as people write them; matched after norm(). */
const ALIASES: Readonly<Record<string, ColumnField>> = Object.fromEntries(
  (
    [
      ['agency_id', ['agency_id', 'agency id', 'agency', 'id', 'รหัสหน่วยงานในระบบ']],
      ['itas_code', ['itas_code', 'itas', 'itas code', 'รหัส itas', 'รหัสหน่วยงาน itas', 'รหัสหน่วยงาน']],
      ['name', ['name', 'agency_name', 'agency name', 'ชื่อหน่วยงาน', 'หน่วยงาน', 'ชื่อ']],
      ['year', ['year', 'fiscal_year', 'fiscal year', 'ปี', 'ปีงบประมาณ', 'ปีงบประมาณ พ.ศ.', 'พ.ศ.']],
      ['total', ['total', 'score', 'total score', 'คะแนนรวม', 'คะแนน ita', 'ผลคะแนน', 'คะแนน']],
      ['level', ['level', 'grade', 'ระดับ', 'ระดับผลการประเมิน', 'ผลการประเมิน']],
      ['iit', ['iit', 'คะแนน iit', 'แบบวัด iit']],
      ['eit', ['eit', 'คะแนน eit', 'แบบวัด eit']],
      ['oit', ['oit', 'คะแนน oit', 'แบบวัด oit']],
      ['eit_part1', ['eit_part1', 'eit part1', 'eit part 1', 'eit ส่วนที่ 1']],
      ['eit_part2', ['eit_part2', 'eit part2', 'eit part 2', 'eit ส่วนที่ 2']],
      [
        'rank_national',
        ['rank_national', 'national rank', 'rank', 'ลำดับประเทศ', 'ลำดับระดับประเทศ', 'ลำดับที่ระดับประเทศ'],
      ],
      ['rank_in_group', ['rank_in_group', 'group rank', 'ลำดับในกลุ่ม', 'ลำดับในกลุ่มหน่วยงาน', 'ลำดับในประเภท']],
    ] as const
  ).flatMap(([field, names]) => names.map((n) => [norm(n), field as ColumnField])),
);

/** The field a header names, if it is a known one: aliases, indicator_N / ตัวชี้วัดที่ N, item codes. */
export function fieldOfHeader(header: string): ColumnField | undefined {
  const n = norm(header);
  const known = ALIASES[n];
  if (known !== undefined) return known;
  const indicator = /^(?:indicator|ตัวชี้วัดที่|ตัวชี้วัด)\s?(\d{1,2})$/.exec(n);
  if (indicator !== null && INDICATOR_IDS.some((id) => String(id) === indicator[1]))
    return `indicator_${Number(indicator[1])}`;
  if (/^(?:ข้อ\s?)?[ieo]\d{1,3}$/.test(n)) return `item:${n.replace(/^ข้อ\s?/, '')}`;
  return undefined;
}

/** The Thai name of a field, for the mapping step and messages. */
export function fieldLabel(field: ColumnField): string {
  const labels: Record<string, string> = {
    agency_id: 'รหัสหน่วยงานในระบบ',
    itas_code: 'รหัส ITAS',
    name: 'ชื่อหน่วยงาน',
    year: 'ปีงบประมาณ',
    total: 'คะแนนรวม',
    level: 'ระดับผลการประเมิน',
    iit: 'คะแนน IIT',
    eit: 'คะแนน EIT',
    oit: 'คะแนน OIT',
    eit_part1: 'EIT ส่วนที่ 1',
    eit_part2: 'EIT ส่วนที่ 2',
    rank_national: 'ลำดับระดับประเทศ',
    rank_in_group: 'ลำดับในกลุ่มหน่วยงาน',
    ignore: 'ไม่ใช้คอลัมน์นี้',
  };
  if (field.startsWith('indicator_')) return `ตัวชี้วัดที่ ${field.slice('indicator_'.length)}`;
  if (field.startsWith('item:')) return `ข้อ ${field.slice('item:'.length)}`;
  return labels[field] ?? field;
}

export interface ResultsImportOptions {
  /** The year when the file has no year column (or to check it against). */
  year?: number;
  /** Header → field for headers not recognised (or to override), 'ignore' to leave a column out. */
  mapping?: Readonly<Record<string, string>>;
  /** Line → agency id, or 'skip', for rows whose agency was not found. */
  matches?: Readonly<Record<string, string>>;
  /** Use this framework (a coordinator's) for the year rather than the built-in one. */
  frameworkOf?: (year: number) => Framework | undefined;
}

export interface ResultsImportIssue {
  line: number | null;
  /** The column's header as written in the file, or a Thai name; null for the whole row or file. */
  column: string | null;
  message: string;
}

export interface ResultsImportRow {
  line: number;
  agency: { id: string; name: string };
  year: number;
  totalDisplay: string | null;
  level: string | null;
  rankNational: number | null;
  rankInGroup: number | null;
  /** The published figures of the row: what will be stored as published. */
  published: string[];
}

export interface ResultsImportPlan {
  /** True when everything is mapped, matched (or skipped) and valid: `sets` may be stored. */
  ready: boolean;
  columns: { header: string; field: ColumnField | null; label: string | null }[];
  /** Headers with no known meaning: each needs a mapping (or 'ignore') before anything is stored. */
  unknownHeaders: string[];
  /** Rows whose agency was not found: each needs a match or 'skip'. */
  unmatched: { line: number; ref: string }[];
  errors: ResultsImportIssue[];
  warnings: ResultsImportIssue[];
  skipped: number[];
  rows: ResultsImportRow[];
  sets: ScoreSet[];
}

function matchField(value: string): ColumnField | undefined {
  const v = value.trim();
  if (v === 'ignore') return 'ignore';
  return (
    fieldOfHeader(v) ?? (Object.values(ALIASES).includes(v as ColumnField) ? (v as ColumnField) : undefined)
  );
}

const squash = (name: string) => name.replace(/\s+/g, '').toLowerCase();

function findAgency(
  agencies: readonly Agency[],
  refs: { agencyId?: string; itasCode?: string; name?: string },
): Agency | undefined {
  if (refs.itasCode) {
    const byCode = agencies.find((a) => a.itasCode !== null && a.itasCode === refs.itasCode);
    if (byCode !== undefined) return byCode;
  }
  if (refs.agencyId) {
    const byId = agencies.find((a) => a.id === refs.agencyId);
    if (byId !== undefined) return byId;
  }
  if (refs.name) {
    const wanted = squash(refs.name);
    return agencies.find(
      (a) => squash(a.nameTh) === wanted || (a.shortName !== null && squash(a.shortName) === wanted),
    );
  }
  return undefined;
}

/** The table's columns as fields; the people's mapping first, then the known headers. */
function columnsOf(table: Table, mapping: Readonly<Record<string, string>>) {
  return table.headers.map((header) => {
    const given = mapping[header];
    const field = given === undefined ? fieldOfHeader(header) : matchField(given);
    return { header, field: field ?? null, label: field === undefined ? null : fieldLabel(field) };
  });
}

/** Checks the whole table: every problem of every row at once; `ready` only when nothing is left to fix. */
export function planResultsImport(
  table: Table,
  agencies: readonly Agency[],
  options: ResultsImportOptions = {},
): ResultsImportPlan {
  const columns = columnsOf(table, options.mapping ?? {});
  const unknownHeaders = columns.filter((c) => c.field === null && c.header !== '').map((c) => c.header);
  const errors: ResultsImportIssue[] = [];
  const warnings: ResultsImportIssue[] = [];
  const unmatched: ResultsImportPlan['unmatched'] = [];
  const skipped: number[] = [];
  const rows: ResultsImportRow[] = [];
  const sets: ScoreSet[] = [];
  const fields = columns.map((c) => c.field);
  for (const field of new Set(fields)) {
    if (field === null || field === 'ignore') continue;
    const twice = columns.filter((c) => c.field === field);
    if (twice.length > 1)
      errors.push({
        line: null,
        column: twice.map((c) => c.header).join(', '),
        message: `มีหลายคอลัมน์เป็น${fieldLabel(field)} ให้เหลือคอลัมน์เดียว`,
      });
  }
  if (!fields.some((f) => f === 'agency_id' || f === 'itas_code' || f === 'name'))
    errors.push({
      line: null,
      column: null,
      message:
        'ไม่มีคอลัมน์ที่บอกหน่วยงาน: ต้องมี รหัส ITAS (itas_code), รหัสหน่วยงานในระบบ (agency_id) หรือ ชื่อหน่วยงาน (name)',
    });
  if (options.year === undefined && !fields.includes('year'))
    errors.push({
      line: null,
      column: null,
      message: 'ไม่ได้ระบุปีงบประมาณ: ใส่คอลัมน์ปีงบประมาณ หรือเลือกปี (--year)',
    });
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (field: ColumnField) => {
      const index = fields.indexOf(field);
      return index < 0 ? '' : (row.cells[index] ?? '').trim();
    };
    const rowErrors: ResultsImportIssue[] = [];
    const at = (column: string | null, message: string) =>
      rowErrors.push({ line: row.line, column, message });
    // Agency.
    const refs = { agencyId: cell('agency_id'), itasCode: cell('itas_code'), name: cell('name') };
    const match = options.matches?.[String(row.line)];
    if (match === 'skip') {
      skipped.push(row.line);
      continue;
    }
    const agency = match !== undefined ? agencies.find((a) => a.id === match) : findAgency(agencies, refs);
    if (agency === undefined) {
      const ref = refs.itasCode || refs.agencyId || refs.name;
      if (match !== undefined) at(null, `ไม่พบหน่วยงานรหัส "${match}" ที่เลือกให้แถวนี้`);
      else unmatched.push({ line: row.line, ref: ref === '' ? '(ว่าง)' : ref });
    } else {
      const before = seen.get(agency.id);
      if (before !== undefined) at(null, `${agency.nameTh} ซ้ำกับแถว ${before}`);
      else seen.set(agency.id, row.line);
    }
    // Year.
    const yearText = cell('year');
    let year = options.year;
    if (yearText !== '') {
      const y = parseThaiNumber(yearText);
      if (y === undefined || !Number.isInteger(y))
        at(headerOf(columns, 'year'), `ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2567 (ได้รับ "${yearText}")`);
      else if (options.year !== undefined && y !== options.year)
        at(headerOf(columns, 'year'), `ปีงบประมาณ ${y} ไม่ตรงกับปีที่เลือก (${options.year})`);
      else year = y;
    }
    const framework = year === undefined ? undefined : (options.frameworkOf?.(year) ?? frameworkFor(year));
    if (year !== undefined && framework === undefined)
      at(headerOf(columns, 'year'), `ไม่มีกรอบการประเมิน ITA สำหรับปีงบประมาณ ${year}`);
    // Scores.
    const items: Record<string, number> = {};
    const indicators: Record<string, number> = {};
    const instruments: NonNullable<ScoreInput['instruments']> = {};
    const input: ScoreInput = { items, indicators, instruments };
    const eitParts: { part1?: number; part2?: number } = {};
    const published: { total?: number; level?: string } = {};
    const ranks: { national: number | null; inGroup: number | null } = { national: null, inGroup: null };
    const labels: string[] = [];
    columns.forEach((column, index) => {
      const field = column.field;
      const text = (row.cells[index] ?? '').trim();
      if (field === null || field === 'ignore' || text === '') return;
      if (['agency_id', 'itas_code', 'name', 'year'].includes(field)) return;
      if (field === 'level') {
        published.level = text;
        labels.push('ระดับ');
        return;
      }
      const value = parseThaiNumber(text);
      if (field === 'rank_national' || field === 'rank_in_group') {
        if (value === undefined || !Number.isInteger(value) || value < 1)
          at(column.header, `ลำดับต้องเป็นจำนวนเต็มตั้งแต่ 1 (ได้รับ "${text}")`);
        else if (field === 'rank_national') ranks.national = value;
        else ranks.inGroup = value;
        return;
      }
      if (value === undefined || value < 0 || value > 100) {
        at(column.header, `${fieldLabel(field)}ต้องเป็นตัวเลข 0 ถึง 100 (ได้รับ "${text}")`);
        return;
      }
      labels.push(fieldLabel(field));
      if (field === 'total') published.total = value;
      else if (field === 'iit' || field === 'eit' || field === 'oit')
        instruments[field.toUpperCase() as 'IIT' | 'EIT' | 'OIT'] = value;
      else if (field === 'eit_part1') eitParts.part1 = value;
      else if (field === 'eit_part2') eitParts.part2 = value;
      else if (field.startsWith('indicator_')) indicators[field.slice('indicator_'.length)] = value;
      else if (field.startsWith('item:')) items[field.slice('item:'.length)] = value;
    });
    if (labels.length === 0 && rowErrors.length === 0) at(null, 'แถวนี้ไม่มีคะแนนหรือระดับให้นำเข้า');
    if (year !== undefined) input.fiscalYear = year;
    if (eitParts.part1 !== undefined || eitParts.part2 !== undefined) input.eitParts = eitParts;
    if (published.total !== undefined || published.level !== undefined) input.published = published;
    let totalDisplay: string | null = null;
    let level: string | null = null;
    if (framework !== undefined && rowErrors.length === 0) {
      const outcome = score(input, { framework });
      if (!outcome.ok) {
        for (const e of outcome.errors) at(columnOfField(columns, e.field), e.message);
      } else {
        totalDisplay = outcome.result.totalDisplay ?? null;
        level = outcome.result.level?.label ?? null;
        for (const d of publishedDifferences(input, { framework }))
          warnings.push({
            line: row.line,
            column: null,
            message: `${agency?.nameTh ?? ''}: ${d.message}`.trim(),
          });
      }
    }
    errors.push(...rowErrors);
    if (agency === undefined || year === undefined || rowErrors.length > 0) continue;
    rows.push({
      line: row.line,
      agency: { id: agency.id, name: agency.nameTh },
      year,
      totalDisplay,
      level,
      rankNational: ranks.national,
      rankInGroup: ranks.inGroup,
      published: labels,
    });
    sets.push({
      agencyId: agency.id,
      year,
      source: 'import',
      scores: scoreValuesOfRow(input, published.total),
      published: { level: published.level ?? null, rankNational: ranks.national, rankInGroup: ranks.inGroup },
    });
  }
  if (table.rows.length === 0) errors.push({ line: null, column: null, message: 'ไฟล์มีแต่หัวตาราง ไม่มีแถวข้อมูล' });
  return {
    ready: errors.length === 0 && unknownHeaders.length === 0 && unmatched.length === 0 && sets.length > 0,
    columns,
    unknownHeaders,
    unmatched,
    errors,
    warnings,
    skipped,
    rows,
    sets,
  };
}

function headerOf(columns: readonly { header: string; field: ColumnField | null }[], field: ColumnField) {
  return columns.find((c) => c.field === field)?.header ?? fieldLabel(field);
}

/** The file's header for a core field path ('instruments.EIT' → the header mapped to eit), else its Thai name. */
function columnOfField(
  columns: readonly { header: string; field: ColumnField | null }[],
  path: string,
): string {
  const [head, rest = ''] = path.split(/\.(.*)/s);
  const field: ColumnField | undefined =
    head === 'instruments'
      ? (rest.toLowerCase() as ColumnField)
      : head === 'indicators'
        ? `indicator_${Number(rest)}`
        : head === 'items'
          ? `item:${rest}`
          : head === 'published'
            ? (rest as ColumnField)
            : head === 'eitParts'
              ? (`eit_${rest}` as ColumnField)
              : undefined;
  return (
    (field === undefined ? undefined : columns.find((c) => c.field === field)?.header) ?? describeField(path)
  );
}

/** The row's figures as `scores` rows; the published total is a 'total' row. */
function scoreValuesOfRow(input: ScoreInput, total: number | undefined): ScoreValue[] {
  const rows: ScoreValue[] = [];
  for (const [code, value] of Object.entries(input.items ?? {}))
    rows.push({ level: 'item', code, score: value });
  for (const [code, value] of Object.entries(input.indicators ?? {}))
    rows.push({ level: 'indicator', code, score: value });
  for (const [code, value] of Object.entries(input.instruments ?? {}))
    if (value !== undefined) rows.push({ level: 'instrument', code, score: value });
  for (const [code, value] of Object.entries(input.eitParts ?? {}))
    if (value !== undefined) rows.push({ level: 'eit_part', code, score: value });
  if (total !== undefined) rows.push({ level: 'total', code: 'total', score: round2(total) });
  return rows;
}

/** The template's header row: English keys a machine reads, and the Thai ones staff recognise. */
export const TEMPLATE_HEADERS_EN: ColumnField[] = [
  'itas_code',
  'agency_id',
  'name',
  'year',
  'total',
  'level',
  'iit',
  'eit',
  'oit',
  ...INDICATOR_IDS.map((id): ColumnField => `indicator_${id}`),
  'rank_national',
  'rank_in_group',
];
export const TEMPLATE_HEADERS_TH = [
  'รหัส ITAS',
  'รหัสหน่วยงานในระบบ',
  'ชื่อหน่วยงาน',
  'ปีงบประมาณ',
  'คะแนนรวม',
  'ระดับผลการประเมิน',
  'IIT',
  'EIT',
  'OIT',
  ...INDICATOR_IDS.map((id) => `ตัวชี้วัดที่ ${id}`),
  'ลำดับระดับประเทศ',
  'ลำดับในกลุ่มหน่วยงาน',
];

/** What a column the file's header did not name may be mapped to, with its Thai name: the mapping step's choices. */
export const MAPPING_CHOICES: readonly (readonly [ColumnField, string])[] = (
  ['ignore', ...TEMPLATE_HEADERS_EN] as const
).map((field) => [field, fieldLabel(field)] as const);

/** Template rows for the province's agencies: headers in Thai, then one row per agency with its ids filled in. */
export function templateRows(agencies: readonly Agency[], year: number): string[][] {
  return [
    TEMPLATE_HEADERS_TH,
    ...agencies.map((a) => [
      a.itasCode ?? '',
      a.id,
      a.nameTh,
      String(year),
      ...Array(TEMPLATE_HEADERS_TH.length - 4).fill(''),
    ]),
  ];
}

/** One issue as a line of text: "แถว 5 · EIT: …". */
export function describeIssue(issue: ResultsImportIssue): string {
  const where = [issue.line === null ? undefined : `แถว ${issue.line}`, issue.column ?? undefined]
    .filter(Boolean)
    .join(' · ');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}
