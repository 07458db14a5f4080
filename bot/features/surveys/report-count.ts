// `รายงาน IIT 45` / `report EIT 120`: staff report respondent counts from ITAS, in their group or in 1:1 chat.
import { fiscalYearOf } from '../../../core/index.ts';
import { MAX_REPORTED_COUNT, parseCountReport } from '../../../core/surveys/report-text.ts';
import type { SurveyInstrument } from '../../../core/surveys/targets.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { findSurveyLink } from '../../../db/queries/survey-links.ts';
import { reportSurveyCount } from '../../../db/queries/survey-reports.ts';
import { postbackData } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { buildCountDoubt, buildCountKept, doubtOf } from './count-doubt.ts';
import {
  buildAgencyPick,
  buildCountSaved,
  buildNoLink,
  buildReportProblem,
  buildReportUsage,
  buildSurveyRefusal,
  type SurveyRefusal,
} from './messages.ts';
import { loadSurveyStatus } from './status.ts';

/** Staff of the agency, or the coordinator of its province. */
function mayReport(ctx: ChatContext, agency: Agency): boolean {
  const coordinator = ctx.who.roles.some(
    (r) => r.role === 'coordinator' && r.provinceId === agency.provinceId,
  );
  return coordinator || ctx.who.staffAgencyIds.includes(agency.id);
}

/**
 * Records the count with its history and answers with progress against the minimum and the pace; a count that
 * looks like a typo (count-doubt.ts) is asked about first, unless `confirmed` by that question's button.
 */
async function saveCount(
  ctx: ChatContext,
  agency: Agency,
  instrument: SurveyInstrument,
  count: number,
  confirmed = false,
): Promise<void> {
  const year = fiscalYearOf(ctx.now);
  if (!confirmed) {
    const doubt = doubtOf(await findSurveyLink(ctx.deps.db, agency.id, year, instrument), instrument, count);
    if (doubt !== undefined) {
      const save = postbackData('survey_report', { ag: agency.id, i: instrument, n: count, ok: 1 });
      const drop = postbackData(COUNT_KEPT_ACTION, { i: instrument });
      return ctx.answer(buildCountDoubt(agency.nameTh, instrument, count, doubt, { save, drop }));
    }
  }
  const report = { agencyId: agency.id, year, instrument, count, by: ctx.who.userId ?? null };
  const saved = await reportSurveyCount(ctx.deps.db, report, ctx.now);
  if (saved === undefined) return ctx.answer(buildNoLink(agency.nameTh, instrument, year, true));
  const status = await loadSurveyStatus(ctx.deps.db, agency, instrument, ctx.now);
  return ctx.answer(buildCountSaved(agency.nameTh, status));
}

type Target = { agency: Agency } | { choices: Agency[] } | { refusal: SurveyRefusal };

/** The agency the report is for: the group's, the person's only one, a choice of theirs, or a refusal. */
async function targetOf(ctx: ChatContext): Promise<Target> {
  if (ctx.chat.kind === 'group') {
    const agency = ctx.group?.agency;
    if (agency === undefined) return { refusal: 'group_not_bound' };
    if (ctx.who.userId === undefined) return { refusal: 'report_no_user' };
    return mayReport(ctx, agency) ? { agency } : { refusal: 'report_not_staff' };
  }
  const found = await Promise.all(ctx.who.staffAgencyIds.map((id) => findAgencyById(ctx.deps.db, id)));
  const own = found.filter((a): a is Agency => a !== undefined);
  const [only] = own;
  if (only === undefined)
    return { refusal: ctx.who.isCoordinator ? 'report_coordinator_chat' : 'report_not_staff' };
  return own.length === 1 ? { agency: only } : { choices: own };
}

/** The `รายงาน` command. Thai words after it that are not a report are group chatter: no answer there. */
export async function reportCount(ctx: ChatContext, args: string): Promise<void> {
  const parsed = parseCountReport(args);
  if (parsed.kind === 'other' && ctx.chat.kind !== 'user') return;
  if (ctx.chat.kind === 'room') return ctx.answer(buildSurveyRefusal('room'));
  const target = await targetOf(ctx);
  if ('refusal' in target) return ctx.answer(buildSurveyRefusal(target.refusal));
  if (parsed.kind === 'usage' || parsed.kind === 'other') return ctx.answer(buildReportUsage());
  if (parsed.kind !== 'report') return ctx.answer(buildReportProblem(parsed));
  const { instrument, count } = parsed;
  if ('agency' in target) return saveCount(ctx, target.agency, instrument, count);
  const question = `ท่านเป็นเจ้าหน้าที่ของหลายหน่วยงาน จำนวน ${instrument} ${count} คน เป็นของหน่วยงานใดคะ`;
  const data = (a: Agency) => postbackData('survey_report', { ag: a.id, i: instrument, n: count });
  return ctx.answer(buildAgencyPick(question, target.choices, data));
}

/** A pressed choice `a=survey_report&ag=…&i=IIT&n=45[&ok=1]`: everything is checked again (postback data is input). */
export async function reportPicked(ctx: ChatContext, params: URLSearchParams): Promise<void> {
  const instrument = params.get('i');
  const typed = params.get('n') ?? '';
  const count = /^\d{1,7}$/.test(typed) ? Number(typed) : -1;
  const agency = await findAgencyById(ctx.deps.db, params.get('ag') ?? '');
  const valid = count >= 0 && count <= MAX_REPORTED_COUNT;
  if ((instrument !== 'IIT' && instrument !== 'EIT') || !valid || agency === undefined)
    return ctx.answer(buildReportUsage());
  if (ctx.who.userId === undefined || !mayReport(ctx, agency))
    return ctx.answer(buildSurveyRefusal('report_not_staff'));
  return saveCount(ctx, agency, instrument, count, params.get('ok') === '1');
}

export const COUNT_KEPT_ACTION = 'survey_report_keep';

/** "ไม่บันทึก" under a doubtful count: nothing changes. */
export async function reportKept(ctx: ChatContext, params: URLSearchParams): Promise<void> {
  const instrument = params.get('i') === 'EIT' ? 'EIT' : 'IIT';
  return ctx.answer(buildCountKept(instrument));
}
