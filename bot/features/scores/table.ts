// A spreadsheet of results as header + rows of text cells: CSV through csv-parse (quoted cells, commas inside
// names), XLSX through SheetJS (@e965/xlsx). Nothing here knows what the columns mean.
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';

export interface TableRow {
  /** 1-based line (CSV) or row (XLSX) of the file, as the person sees it. */
  line: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

export type TableOutcome = { ok: true; table: Table } | { ok: false; message: string };

export type TableFormat = 'csv' | 'xlsx';

/** XLSX by name or by its zip signature ("PK"); anything else is read as CSV. */
export function tableFormatOf(fileName: string, bytes?: Uint8Array): TableFormat {
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  return bytes !== undefined && bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv';
}

/** The delimiter the header line uses most: comma, tab or semicolon (Excel in some locales). */
function delimiterOf(text: string): string {
  const first = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  const counts = [',', '\t', ';'].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function fromRecords(records: readonly { line: number; cells: string[] }[]): TableOutcome {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rest] = nonEmpty;
  if (head === undefined) return { ok: false, message: 'ไฟล์ว่าง ไม่มีแถวหัวตารางและข้อมูล' };
  const headers = head.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  const rows = rest
    .filter((r) => !(r.cells[0] ?? '').trim().startsWith('#'))
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  return { ok: true, table: { headers, rows } };
}

export function readCsv(text: string): TableOutcome {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    const records = parse(clean, {
      delimiter: delimiterOf(clean),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return fromRecords(records.map((r) => ({ line: r.info.lines, cells: r.record })));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      message: `อ่านไฟล์ CSV ไม่ได้${line === undefined ? '' : ` ที่บรรทัด ${line}`}: ตรวจเครื่องหมายคำพูด (") ให้เปิดและปิดครบ`,
    };
  }
}

/** The first sheet of an .xlsx workbook; numbers as typed (no thousands separators), dates as text. */
export function readXlsx(bytes: Uint8Array): TableOutcome {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellDates: false, dense: true });
  } catch {
    return { ok: false, message: 'อ่านไฟล์ Excel ไม่ได้: ไฟล์อาจเสียหรือไม่ใช่ .xlsx' };
  }
  const name = workbook.SheetNames[0];
  const sheet = name === undefined ? undefined : workbook.Sheets[name];
  if (sheet === undefined) return { ok: false, message: 'ไฟล์ Excel ไม่มีแผ่นงาน' };
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: '',
    blankrows: true,
  });
  return fromRecords(
    rows.map((cells, i) => ({
      line: range.s.r + i + 1,
      cells: cells.map((c) => (c === null || c === undefined ? '' : String(c))),
    })),
  );
}

export function readTable(fileName: string, content: string | Uint8Array): TableOutcome {
  if (typeof content === 'string') return readCsv(content);
  return tableFormatOf(fileName, content) === 'xlsx'
    ? readXlsx(content)
    : readCsv(new TextDecoder('utf-8').decode(content));
}

/** An .xlsx workbook of one sheet with these rows (the templates). */
export function writeXlsx(sheetName: string, rows: readonly (readonly (string | number)[])[]): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows.map((r) => [...r])), sheetName);
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Rows as CSV text with a BOM, so Excel opens Thai correctly; a cell with a comma, quote or line break is quoted. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
