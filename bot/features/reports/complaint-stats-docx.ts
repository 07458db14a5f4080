// Complaint statistics (issue 5 §4) as .docx, with the OIT reports' Word helpers: TH Sarabun New, A4, Thai tables.

import {
  STATS_HEADINGS,
  type StatsDocument,
  statsLinesOf,
  statsTablesOf,
  statsTitleOf,
  suppressionNoteOf,
} from './complaint-stats.ts';
import { heading, packDocx, plainRow, tableOf, text } from './docx.ts';
import { digitsOf, type RenderOptions } from './format.ts';

/** The statistics as the bytes of a .docx file (A4 portrait: two columns fit). */
export async function renderComplaintStatsDocx(
  d: StatsDocument,
  options: RenderOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const t = digitsOf(options);
  const tables = statsTablesOf(statsLinesOf(d.stats, d.agencyNames)).flatMap(({ title, rows }) => [
    heading(title, t),
    tableOf(
      STATS_HEADINGS,
      rows.map((row) => plainRow(row, t)),
      t,
    ),
  ]);
  const title = statsTitleOf(d);
  return packDocx(title, [heading(title, t, 1), ...text(suppressionNoteOf(d.stats.threshold), t), ...tables]);
}
