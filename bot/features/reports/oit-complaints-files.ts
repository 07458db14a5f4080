// The OIT item's corruption-complaint statistics with exact counts (the internal report keeps its suppression):
// the document of an agency's year and its files, for `ita report complaints --oit` and /api/cases/stats/oit.
import { type OitPeriod, oitComplaintStats } from '../../../core/complaints/oit-stats.ts';
import { frameworkNotice } from '../../../core/index.ts';
import type { Db } from '../../../db/db.ts';
import { loadStatsComplaints, resolveStatsScope } from '../complaints/stats-input.ts';
import { frameworkForYear } from '../frameworks/framework-file.ts';
import { embeddedFontFaces, loadSarabun } from './fonts.ts';
import type { Digits } from './format.ts';
import {
  complaintItemOf,
  type OitComplaintDocument,
  renderOitComplaintsCsv,
  renderOitComplaintsDocx,
  renderOitComplaintsHtml,
  renderOitComplaintsXlsx,
} from './oit-complaints.ts';

export const OIT_FORMATS = ['html', 'docx', 'csv', 'xlsx'] as const;
export type OitFormat = (typeof OIT_FORMATS)[number];

/** The document for an agency (or province) and year, or a Thai sentence saying why not. */
export async function oitComplaintDocument(
  db: Db,
  id: string,
  year: number,
  period: OitPeriod,
): Promise<OitComplaintDocument | string> {
  const scope = await resolveStatsScope(db, id);
  if (scope === undefined) return `ไม่พบหน่วยงานหรือจังหวัดรหัส "${id}"`;
  const framework = await frameworkForYear(db, year);
  const stats = oitComplaintStats(await loadStatsComplaints(db, scope), year, period);
  const item = complaintItemOf(framework);
  const notice = framework === undefined ? undefined : frameworkNotice(framework, year);
  return {
    scopeName: scope.name,
    stats,
    ...(item === undefined ? {} : { item }),
    ...(notice === undefined ? {} : { frameworkNotice: notice }),
  };
}

/** The file's bytes (or text) and its type, in the chosen format. */
export async function renderOitComplaints(
  doc: OitComplaintDocument,
  format: OitFormat,
  digits: Digits,
  embedFonts: boolean,
): Promise<{ body: string | Uint8Array; contentType: string }> {
  if (format === 'csv') return { body: renderOitComplaintsCsv(doc), contentType: 'text/csv; charset=utf-8' };
  if (format === 'xlsx')
    return {
      body: renderOitComplaintsXlsx(doc),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  if (format === 'docx')
    return {
      body: await renderOitComplaintsDocx(doc, { digits }),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  const fontFaces = embedFonts ? embeddedFontFaces(await loadSarabun()) : undefined;
  return {
    body: renderOitComplaintsHtml(doc, { digits, ...(fontFaces === undefined ? {} : { fontFaces }) }),
    contentType: 'text/html; charset=utf-8',
  };
}

export const oitFileName = (id: string, year: number, period: OitPeriod, format: OitFormat) =>
  `oit-complaints-${id.replace(/[^a-z0-9-]/gi, '')}-${year}-${period}.${format}`;
