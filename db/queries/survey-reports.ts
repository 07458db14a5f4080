// Queries on `survey_reports`: respondent counts staff report from ITAS, and the link's latest count.
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { SurveyInstrument } from '../schema.ts';
import type { SurveyLink } from './survey-links.ts';
import { findSurveyLink } from './survey-links.ts';

export interface SurveyReport {
  count: number;
  reportedBy: string | null;
  reportedAt: string;
}

export interface CountReport {
  agencyId: string;
  year: number;
  instrument: SurveyInstrument;
  count: number;
  by: string | null;
}

/**
 * Records a respondent count (`รายงาน IIT 45`): the link's latest count and a history row, in one batch.
 * Undefined when the agency has no link row for that year and instrument yet.
 */
export async function reportSurveyCount(
  db: Db,
  report: CountReport,
  now: Date,
): Promise<SurveyLink | undefined> {
  const { agencyId, year, instrument, count, by } = report;
  const update = db.kysely
    .updateTable('survey_links')
    .set({ reported_count: count, reported_at: iso(now), reported_by: by })
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('instrument', '=', instrument);
  const history =
    sql`INSERT INTO survey_reports (agency_id, year, instrument, count, reported_by, reported_at)
    SELECT agency_id, year, instrument, ${count}, ${by}, ${iso(now)} FROM survey_links
    WHERE agency_id = ${agencyId} AND year = ${year} AND instrument = ${instrument}`.compile(db.kysely);
  const [updated] = await db.batch([update, history]);
  return updated.numAffectedRows > 0 ? findSurveyLink(db, agencyId, year, instrument) : undefined;
}

/** Every count reported for the link, oldest first (progress over time, pace forecast). */
export async function listSurveyReports(
  db: Db,
  agencyId: string,
  year: number,
  instrument: SurveyInstrument,
): Promise<SurveyReport[]> {
  const rows = await db.kysely
    .selectFrom('survey_reports')
    .select(['count', 'reported_by', 'reported_at'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('instrument', '=', instrument)
    .orderBy('reported_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ count: r.count, reportedBy: r.reported_by, reportedAt: r.reported_at }));
}

/** A count with the link it belongs to (province-wide reads for survey nudges). */
export interface LinkReport extends SurveyReport {
  agencyId: string;
  instrument: SurveyInstrument;
}

/** Every count reported in the province for the year, oldest first: one read for all agencies' pace. */
export async function listProvinceSurveyReports(
  db: Db,
  provinceId: string,
  year: number,
): Promise<LinkReport[]> {
  const rows = await db.kysely
    .selectFrom('survey_reports as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.agency_id', 'r.instrument', 'r.count', 'r.reported_by', 'r.reported_at'])
    .where('a.province_id', '=', provinceId)
    .where('r.year', '=', year)
    .orderBy('r.reported_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    instrument: r.instrument,
    count: r.count,
    reportedBy: r.reported_by,
    reportedAt: r.reported_at,
  }));
}
