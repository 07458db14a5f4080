// loadDemo(db, now): writes the demo province, scores, plan, survey links and LINE people through the query
// functions, as upserts, so loading twice changes nothing.
import { fiscalYearOf, frameworkFor } from '../../../core/index.ts';
import type { Db } from '../../../db/db.ts';
import { iso } from '../../../db/json.ts';
import { setActivityStatus } from '../../../db/queries/activity-status.ts';
import { upsertAgencies } from '../../../db/queries/agencies.ts';
import { getSetting, setSetting } from '../../../db/queries/app-settings.ts';
import { upsertFiscalYear } from '../../../db/queries/fiscal-years.ts';
import { upsertLineUser } from '../../../db/queries/line-users.ts';
import { createActivities, listActivities } from '../../../db/queries/plan-activities.ts';
import { hasAnyProvince, upsertProvince } from '../../../db/queries/provinces.ts';
import type { ScoreSet } from '../../../db/queries/scores.ts';
import { listScores, replaceScores } from '../../../db/queries/scores.ts';
import { upsertSurveyLink } from '../../../db/queries/survey-links.ts';
import { reportSurveyCount } from '../../../db/queries/survey-reports.ts';
import { grantRole } from '../../../db/queries/user-roles.ts';
import { defaultPlanActivities } from '../../features/plan/default-plan.ts';
import { HOME_PROVINCE_SETTING } from '../../line/chat/who.ts';
import {
  DEMO_PROVINCE_ID,
  DEMO_PROVINCES,
  OTHER_PROVINCE_AGENCIES,
  PATHUM_THANI_AGENCIES,
} from './agencies.ts';
import { DEMO_COORDINATOR_ID, DEMO_GROUPS, DEMO_ROLES, DEMO_USERS, demoActorOf } from './line.ts';
import { demoStatuses, middayOf } from './plan.ts';
import { demoScoreSets } from './score-sets.ts';
import { countDemoRows, type DemoSummary } from './summary.ts';
import { demoReports, demoSurveyLinks } from './surveys.ts';

const ALL_AGENCIES = [...PATHUM_THANI_AGENCIES, ...OTHER_PROVINCE_AGENCIES];

/** Provinces, agencies, and each province's fiscal years: the current one and every year it has scores for. */
async function loadPlaces(db: Db, year: number, sets: readonly ScoreSet[], now: Date): Promise<void> {
  for (const province of DEMO_PROVINCES) await upsertProvince(db, province, now);
  await upsertAgencies(db, ALL_AGENCIES, now);
  const provinceOf = new Map(ALL_AGENCIES.map((a) => [a.id, a.provinceId]));
  const years = new Set([`${DEMO_PROVINCE_ID}:${year}`]);
  for (const set of sets) years.add(`${provinceOf.get(set.agencyId) ?? DEMO_PROVINCE_ID}:${set.year}`);
  for (const key of [...years].sort()) {
    const [provinceId = DEMO_PROVINCE_ID, y = String(year)] = key.split(':');
    const framework = frameworkFor(Number(y));
    if (framework)
      await upsertFiscalYear(db, { provinceId, year: Number(y), frameworkId: framework.id }, now);
  }
}

/** Replaces a set only when what is on record differs, so a second load rewrites nothing. */
async function loadScores(db: Db, sets: readonly ScoreSet[], now: Date): Promise<void> {
  for (const set of sets) {
    const current = await listScores(db, set.agencyId, set.year);
    const same =
      current.length === set.scores.length &&
      set.scores.every((s) =>
        current.some(
          (c) =>
            c.level === s.level &&
            c.code === s.code &&
            c.score === s.score &&
            c.source === set.source &&
            c.sourceBy === (set.sourceBy ?? null),
        ),
      );
    if (!same) await replaceScores(db, set, now);
  }
}

/** The default plan (activities already made from it are kept) and each agency's status at `now`. */
async function loadPlan(db: Db, year: number, now: Date): Promise<void> {
  const planned = defaultPlanActivities(
    DEMO_PROVINCE_ID,
    year,
    undefined,
    PATHUM_THANI_AGENCIES.map((a) => ({ id: a.id, assessedUnitId: a.assessedUnitId ?? null })),
  );
  await createActivities(db, planned, now);
  const keys = new Set(planned.map((a) => a.key));
  const activities = (await listActivities(db, DEMO_PROVINCE_ID, year)).filter((a) => keys.has(a.key));
  const agencyIds = PATHUM_THANI_AGENCIES.map((a) => a.id);
  for (const status of demoStatuses(activities, agencyIds, now, demoActorOf)) {
    await setActivityStatus(db, status, status.at);
  }
}

/** Links and targets of every Pathum Thani agency; counts only on links nobody has reported on yet. */
async function loadSurveys(db: Db, year: number, now: Date): Promise<void> {
  const links = demoSurveyLinks(PATHUM_THANI_AGENCIES, year, DEMO_COORDINATOR_ID);
  const fresh = new Set<string>();
  for (const link of links) {
    const saved = await upsertSurveyLink(db, link, now);
    if (saved.reportedCount === null) fresh.add(`${link.agencyId}:${link.instrument}`);
  }
  const answering = defaultPlanActivities(DEMO_PROVINCE_ID, year).find((a) => a.kind === 'survey_iit');
  if (!answering) return;
  const window = {
    opens: middayOf(answering.startsOn ?? answering.dueOn),
    closes: middayOf(answering.dueOn),
  };
  for (const report of demoReports(links, window, now)) {
    if (!fresh.has(`${report.agencyId}:${report.instrument}`)) continue;
    const by = demoActorOf(report.agencyId);
    await reportSurveyCount(db, { ...report, year, by }, report.at);
  }
}

/**
 * Demo users and roles, and the groups bound to each agency. Groups are written here (no query binds a group
 * without a one-time code): one batch of upserts that rebinds a group the demo finds unbound or left.
 */
async function loadLine(db: Db, now: Date): Promise<void> {
  for (const user of DEMO_USERS) await upsertLineUser(db, user, now);
  for (const role of DEMO_ROLES) await grantRole(db, { ...role, grantedBy: null }, now);
  await db.batch(
    DEMO_GROUPS.map((g) =>
      db.kysely
        .insertInto('line_groups')
        .values({
          group_id: g.groupId,
          agency_id: g.agencyId,
          province_id: g.provinceId,
          kind: g.kind,
          joined_at: iso(now),
          bound_at: iso(now),
          bound_by: DEMO_COORDINATOR_ID,
        })
        .onConflict((oc) =>
          oc.column('group_id').doUpdateSet((eb) => ({
            agency_id: eb.ref('excluded.agency_id'),
            province_id: eb.ref('excluded.province_id'),
            kind: eb.ref('excluded.kind'),
            left_at: null,
          })),
        ),
    ),
  );
}

/**
 * Loads the demo for the fiscal year of `now`: Pathum Thani with 28 agencies, the seeds' published results
 * (and Phatthalung's and Tak PAO's, in provinces of their own), generated scores for the two years before,
 * the default plan with statuses, survey links and targets, and LINE users, roles and bound groups.
 */
export async function loadDemo(db: Db, now: Date): Promise<DemoSummary> {
  const year = fiscalYearOf(now);
  const sets = demoScoreSets(year);
  await loadPlaces(db, year, sets, now);
  await loadScores(db, sets, now);
  await loadPlan(db, year, now);
  await loadSurveys(db, year, now);
  await loadLine(db, now);
  // The demo province is the one this deployment serves, unless an operator already chose another.
  if ((await getSetting(db, HOME_PROVINCE_SETTING)) === undefined) {
    await setSetting(db, HOME_PROVINCE_SETTING, DEMO_PROVINCE_ID, 'demo', now);
  }
  return { provinceId: DEMO_PROVINCE_ID, fiscalYear: year, counts: await countDemoRows(db) };
}

/** Loads the demo into a database with no province yet (a first start); undefined when it already has data. */
export async function loadDemoIfEmpty(db: Db, now: Date): Promise<DemoSummary | undefined> {
  return (await hasAnyProvince(db)) ? undefined : loadDemo(db, now);
}

/**
 * What in the database is not the demo's, in Thai (a province or agency of its own), or undefined when it
 * holds only demo data or nothing: `ita demo` refuses to mix the demo into a real province (issue 14 §1).
 */
export async function nonDemoData(db: Db): Promise<string | undefined> {
  const demoProvinces = DEMO_PROVINCES.map((p) => p.id);
  const demoAgencies = ALL_AGENCIES.map((a) => a.id);
  const province = await db.kysely
    .selectFrom('provinces')
    .select('id')
    .where('id', 'not in', demoProvinces)
    .executeTakeFirst();
  if (province !== undefined) return `จังหวัด ${province.id}`;
  const agency = await db.kysely
    .selectFrom('agencies')
    .select('id')
    .where('id', 'not in', demoAgencies)
    .executeTakeFirst();
  return agency === undefined ? undefined : `หน่วยงาน ${agency.id}`;
}
