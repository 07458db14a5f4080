// runSurveyNudges(deps, now): while IIT/EIT answers are open, agencies behind pace (forecast under 100 % of the
// minimum by the due date) get a nudge in their staff groups — at most `nudgeMaxCount` per survey, at least
// `nudgeMinGapDays` apart, in working hours, each one reserved with its messages so it is queued exactly once.
import { fiscalYearOf } from '../../../core/index.ts';
import { bangkokDay, daysBetween, isWorkingTime } from '../../../core/reminders/index.ts';
import { answerWindow, isWindowOpen } from '../../../core/surveys/pace.ts';
import type { SurveyInstrument, TargetRules } from '../../../core/surveys/targets.ts';
import { listActivityStatuses } from '../../../db/queries/activity-status.ts';
import { type Agency, listAgencies } from '../../../db/queries/agencies.ts';
import type { LineGroup } from '../../../db/queries/line-groups.ts';
import { type Activity, listActivities } from '../../../db/queries/plan-activities.ts';
import { listProvinces } from '../../../db/queries/provinces.ts';
import { listSlots, type ReminderSlot, reserveSlotWithMessages } from '../../../db/queries/reminder-log.ts';
import { listSurveyLinks, type SurveyLink } from '../../../db/queries/survey-links.ts';
import { type LinkReport, listProvinceSurveyReports } from '../../../db/queries/survey-reports.ts';
import type { Deps } from '../../deps.ts';
import { listStaffGroupsByAgency } from '../plan/tasks.ts';
import { loadSettings, type Settings } from '../settings/settings.ts';
import { isHttpsUrl, shortLinkUrl } from './links.ts';
import { buildSurveyNudge } from './messages.ts';
import { describeStatus, type SurveyStatus, surveyActivityOf } from './status.ts';
import { loadTargetRules } from './target-rules.ts';

export const NUDGE_KIND = 'survey_nudge';
const INSTRUMENTS: readonly SurveyInstrument[] = ['IIT', 'EIT'];

/** reminder_log subject of one survey of one year; the agency is the target and `nudge-<n>` the slot. */
export const nudgeSubjectOf = (year: number, instrument: SurveyInstrument) => `fy${year}:${instrument}`;

/** Behind pace: not at the minimum yet, and the forecast falls short of it by the due date. */
function isBehindPace(status: SurveyStatus): boolean {
  const percent = status.forecast?.percent;
  return status.progress?.met !== true && percent !== undefined && percent < 100;
}

/** The next slot for an agency given its earlier nudges, or undefined while the gap or the maximum forbids one. */
function nextNudgeSlot(earlier: readonly ReminderSlot[], settings: Settings, now: Date): string | undefined {
  if (earlier.length >= settings.nudgeMaxCount) return undefined;
  const last = earlier
    .map((s) => s.reservedAt)
    .sort()
    .at(-1);
  if (
    last !== undefined &&
    daysBetween(bangkokDay(new Date(last)), bangkokDay(now)) < settings.nudgeMinGapDays
  )
    return undefined;
  return `nudge-${earlier.length + 1}`;
}

interface ProvinceData {
  year: number;
  settings: Settings;
  activities: readonly Activity[];
  agencies: Map<string, Agency>;
  groups: Map<string, LineGroup[]>;
  reports: readonly LinkReport[];
  rules: TargetRules;
}

/** One survey of one province: the agencies it may nudge and the window its answers are taken in. */
async function nudgeSurvey(
  deps: Deps,
  data: ProvinceData,
  instrument: SurveyInstrument,
  links: readonly SurveyLink[],
  now: Date,
): Promise<number> {
  const { db } = deps;
  const { year, settings } = data;
  const activity = surveyActivityOf(data.activities, instrument);
  const window = answerWindow(year, activity);
  if (!isWindowOpen(window, now)) return 0;
  const done = new Set(
    activity === undefined
      ? []
      : (await listActivityStatuses(db, activity.id))
          .filter((s) => s.status === 'done')
          .map((s) => s.agencyId),
  );
  const responsible = (agencyId: string) =>
    activity?.responsible !== 'agencies' || activity.agencyIds.includes(agencyId);
  const subjectId = nudgeSubjectOf(year, instrument);
  const earlier = await listSlots(db, NUDGE_KIND, subjectId);
  let queued = 0;
  for (const link of links) {
    const agency = data.agencies.get(link.agencyId);
    const groups = data.groups.get(link.agencyId) ?? [];
    if (agency === undefined || groups.length === 0 || done.has(agency.id) || !responsible(agency.id))
      continue;
    const reports = data.reports.filter((r) => r.agencyId === agency.id && r.instrument === instrument);
    const status = describeStatus({ instrument, year, link, reports, window, rules: data.rules, now });
    if (!isBehindPace(status)) continue;
    const slot = nextNudgeSlot(
      earlier.filter((s) => s.targetId === agency.id),
      settings,
      now,
    );
    if (slot === undefined) continue;
    const messages = buildSurveyNudge(
      agency.nameTh,
      status,
      shortLinkUrl(deps.publicBaseUrl, link.code, 'line'),
    );
    const rows = groups.map((g) => ({
      kind: 'push' as const,
      to: g.groupId,
      messages,
      sourceKind: NUDGE_KIND,
      sourceId: link.code,
    }));
    const key = { kind: NUDGE_KIND, subjectId, targetId: agency.id, slot };
    const { reserved } = await reserveSlotWithMessages(db, key, now, rows, now);
    if (reserved) queued += rows.length;
  }
  return queued;
}

async function nudgeProvince(deps: Deps, provinceId: string, settings: Settings, now: Date): Promise<number> {
  const { db } = deps;
  const year = fiscalYearOf(now);
  const links = (await listSurveyLinks(db, provinceId, year)).filter((l) => isHttpsUrl(l.url));
  if (links.length === 0) return 0;
  const data: ProvinceData = {
    year,
    settings,
    activities: await listActivities(db, provinceId, year),
    agencies: new Map((await listAgencies(db, provinceId)).map((a) => [a.id, a])),
    groups: await listStaffGroupsByAgency(db, provinceId),
    reports: await listProvinceSurveyReports(db, provinceId, year),
    rules: await loadTargetRules(db, (m) => deps.log.warn(m)),
  };
  let queued = 0;
  for (const instrument of INSTRUMENTS) {
    const mine = links.filter((l) => l.instrument === instrument);
    queued += await nudgeSurvey(deps, data, instrument, mine, now);
  }
  return queued;
}

/** The scheduler's survey step (with the settings it read for the tick); returns the number of messages queued. */
export async function runSurveyNudges(deps: Deps, now: Date, given?: Settings): Promise<number> {
  const settings = given ?? (await loadSettings(deps.db));
  if (settings.nudgeMaxCount <= 0 || !isWorkingTime(now, settings)) return 0;
  let queued = 0;
  for (const province of await listProvinces(deps.db))
    queued += await nudgeProvince(deps, province.id, settings, now);
  return queued;
}
