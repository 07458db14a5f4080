// A small reader of spreadsheet files for imports: CSV (csv-parse) or XLSX/XLS (SheetJS, the @e965/xlsx build),
// into a header and rows of text cells, each with the line (CSV) or row (Excel) number a person sees.

import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';

export interface TableRow {
  /** 1-based: the CSV line or the spreadsheet row where the record starts. */
  line: number;
  cells: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; message: string };

/** Excel files are ZIP (XLSX, "PK\x03\x04") or OLE compound documents (XLS, D0 CF 11 E0). */
function isSpreadsheet(fileName: string, bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole || /\.xlsx?$/i.test(fileName);
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

function readCsv(bytes: Uint8Array): TableResult {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      message: `อ่านไฟล์ CSV ไม่ได้${line === undefined ? '' : ` ที่บรรทัด ${line}`}: โปรดตรวจเครื่องหมายคำพูด (") และจุลภาค`,
    };
  }
  const rows = records.map((r) => ({ line: r.info.lines, cells: r.record.map((c) => String(c)) }));
  return toTable(rows);
}

function readSpreadsheet(bytes: Uint8Array): TableResult {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true });
  } catch {
    return { ok: false, message: 'อ่านไฟล์ Excel ไม่ได้: โปรดบันทึกเป็น .xlsx หรือ .csv (UTF-8) แล้วลองอีกครั้ง' };
  }
  const name = book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  if (sheet === undefined) return { ok: false, message: 'ไฟล์ Excel ไม่มีแผ่นงาน' };
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: false,
    defval: '',
    blankrows: true,
  });
  const rows = grid.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => String(c ?? '').trim()) }));
  return toTable(rows.filter((r) => !isBlank(r.cells)));
}

function toTable(rows: TableRow[]): TableResult {
  const [head, ...body] = rows.filter((r) => !isBlank(r.cells));
  if (head === undefined) return { ok: false, message: 'ไฟล์ว่าง: ต้องมีแถวหัวตารางและข้อมูลอย่างน้อยหนึ่งแถว' };
  return { ok: true, table: { header: head.cells, rows: body } };
}

/** CSV (UTF-8, with or without BOM) or an Excel workbook's first sheet, by its bytes or its name. */
export function readTable(fileName: string, bytes: Uint8Array): TableResult {
  return isSpreadsheet(fileName, bytes) ? readSpreadsheet(bytes) : readCsv(bytes);
}
