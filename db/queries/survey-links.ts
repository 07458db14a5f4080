// Queries on `survey_links`: each agency's IIT/EIT link, short code and respondent target for a fiscal year.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { iso } from '../json.ts';
import type { SurveyInstrument, SurveyLinksTable } from '../schema.ts';

export interface SurveyLink {
  agencyId: string;
  year: number;
  instrument: SurveyInstrument;
  /** Our short link: /s/{code}. */
  code: string;
  /** The ITAS link, once the coordinator has entered it. */
  url: string | null;
  /** Staff (IIT) or external stakeholders (EIT) as entered in ITAS. */
  population: number | null;
  /** Minimum respondents. */
  target: number | null;
  targetSource: 'auto' | 'manual';
  reportedCount: number | null;
  reportedAt: string | null;
  reportedBy: string | null;
  /** Clicks on the short link, all channels. */
  clicks: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface SurveyLinkInput {
  agencyId: string;
  year: number;
  instrument: SurveyInstrument;
  /** Used only when the link is new: a short code never changes once printed on a QR code. */
  code: string;
  url?: string | null;
  population?: number | null;
  target?: number | null;
  targetSource?: 'auto' | 'manual';
  updatedBy: string | null;
}

type LinkRow = Selectable<SurveyLinksTable> & { clicks: number | null };

function toSurveyLink(row: LinkRow): SurveyLink {
  return {
    agencyId: row.agency_id,
    year: row.year,
    instrument: row.instrument,
    code: row.code,
    url: row.url,
    population: row.population,
    target: row.target,
    targetSource: row.target_source,
    reportedCount: row.reported_count,
    reportedAt: row.reported_at,
    reportedBy: row.reported_by,
    clicks: row.clicks ?? 0,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

function selectLinks(db: Db) {
  return db.kysely
    .selectFrom('survey_links as l')
    .selectAll('l')
    .select(
      sql<number>`(SELECT coalesce(sum(count), 0) FROM link_clicks c WHERE c.code = l.code)`.as('clicks'),
    );
}

/** Creates the link or changes what is given (url, population, target); the code stays the first one. */
export async function upsertSurveyLink(db: Db, input: SurveyLinkInput, now: Date): Promise<SurveyLink> {
  const changes = {
    url: input.url,
    population: input.population,
    target: input.target,
    target_source: input.targetSource,
    updated_by: input.updatedBy,
    updated_at: iso(now),
  };
  await db.kysely
    .insertInto('survey_links')
    .values({
      agency_id: input.agencyId,
      year: input.year,
      instrument: input.instrument,
      code: input.code,
      ...changes,
    })
    .onConflict((oc) => oc.columns(['agency_id', 'year', 'instrument']).doUpdateSet(changes))
    .execute();
  const link = await findSurveyLink(db, input.agencyId, input.year, input.instrument);
  if (!link) throw new Error(`survey link of ${input.agencyId} was not saved`);
  return link;
}

export async function findSurveyLink(
  db: Db,
  agencyId: string,
  year: number,
  instrument: SurveyInstrument,
): Promise<SurveyLink | undefined> {
  const row = await selectLinks(db)
    .where('l.agency_id', '=', agencyId)
    .where('l.year', '=', year)
    .where('l.instrument', '=', instrument)
    .executeTakeFirst();
  return row && toSurveyLink(row);
}

/** The link behind /s/{code}. */
export async function findSurveyLinkByCode(db: Db, code: string): Promise<SurveyLink | undefined> {
  const row = await selectLinks(db).where('l.code', '=', code).executeTakeFirst();
  return row && toSurveyLink(row);
}

/** Every agency's links in the province for the year (coordinator's progress view). */
export async function listSurveyLinks(db: Db, provinceId: string, year: number): Promise<SurveyLink[]> {
  const rows = await selectLinks(db)
    .innerJoin('agencies as a', 'a.id', 'l.agency_id')
    .where('a.province_id', '=', provinceId)
    .where('l.year', '=', year)
    .orderBy('l.agency_id')
    .orderBy('l.instrument')
    .execute();
  return rows.map(toSurveyLink);
}
