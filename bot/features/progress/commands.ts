// `ติดตาม` / `progress`: who is behind — overdue plan activities by agency and survey responses against targets.

import { parseTrackingCode } from '../../../core/complaints/tracking-code.ts';
import { fiscalYearOf } from '../../../core/index.ts';
import { bangkokDay } from '../../../core/reminders/index.ts';
import { resolveTarget } from '../../../core/surveys/targets.ts';
import type { Db } from '../../../db/db.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { listSurveyLinks } from '../../../db/queries/survey-links.ts';
import type { Command } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import { agenciesNotDone, listAgencyActivities } from '../broadcasts/recipients.ts';
import { myComplaints, trackByText } from '../complaints/commands.ts';
import { loadQuotaBudget } from '../quota/budget.ts';
import { buildQuotaSummary } from '../quota/messages.ts';
import { coordinatorProvinceOf } from '../roles/commands.ts';
import { buildCoordinatorsOnly, buildUseUserChat } from '../roles/messages.ts';
import { loadTargetRules } from '../surveys/target-rules.ts';
import type { AgencyProgress, ProgressView } from './messages.ts';
import { buildNothingToTrack, buildProgress, buildProgressHint } from './messages.ts';

/** Today in Bangkok as 'YYYY-MM-DD', the form due dates are stored in. */
/** Agencies behind first: most overdue activities, then the lowest survey share of target. */
function behindFirst(a: AgencyProgress, b: AgencyProgress): number {
  const share = (p: AgencyProgress) =>
    Math.min(1, ...p.surveys.map((s) => (s.target ? Math.min(1, s.reported / s.target) : 1)));
  return b.overdue.length - a.overdue.length || share(a) - share(b) || a.name.localeCompare(b.name, 'th');
}

/** Everything the progress message shows, for the coordinator's province at `now`. */
export async function collectProgress(db: Db, provinceId: string, now: Date): Promise<ProgressView> {
  const year = fiscalYearOf(now);
  const today = bangkokDay(now);
  const agencies = await listAgencies(db, provinceId);
  const byId = new Map<string, AgencyProgress>(
    agencies.map((a) => [a.id, { agencyId: a.id, name: a.shortName ?? a.nameTh, overdue: [], surveys: [] }]),
  );
  const activities = await listAgencyActivities(db, provinceId, now);
  const overdueActivities: ProgressView['overdueActivities'] = [];
  for (const activity of activities.filter((a) => a.dueOn < today)) {
    const late = await agenciesNotDone(db, activity);
    if (late.length === 0) continue;
    const { seq, titleTh, dueOn } = activity;
    overdueActivities.push({ seq, titleTh, dueOn, behind: late.length });
    for (const id of late) byId.get(id)?.overdue.push({ seq, titleTh, dueOn });
  }
  // IIT before EIT, as the ITA itself orders them; targets by the same rule as `รายงาน` and the reminders.
  const rules = await loadTargetRules(db);
  const links = (await listSurveyLinks(db, provinceId, year))
    .sort((a, b) => b.instrument.localeCompare(a.instrument))
    .map((link) => ({ ...link, target: resolveTarget(link, rules) ?? null }));
  for (const link of links) {
    const reported = link.reportedCount ?? 0;
    byId.get(link.agencyId)?.surveys.push({ instrument: link.instrument, reported, target: link.target });
  }
  const all = [...byId.values()];
  const behind = all
    .filter((p) => p.overdue.length > 0 || p.surveys.some((s) => s.target !== null && s.reported < s.target))
    .sort(behindFirst);
  const met = (instrument: 'IIT' | 'EIT') => {
    const withTarget = links.filter((l) => l.instrument === instrument && l.target !== null);
    return {
      met: withTarget.filter((l) => (l.reportedCount ?? 0) >= (l.target ?? 0)).length,
      of: withTarget.length,
    };
  };
  return {
    year,
    now,
    agencyCount: agencies.length,
    activityCount: activities.length,
    overdueActivities,
    behind,
    surveys: { IIT: met('IIT'), EIT: met('EIT') },
  };
}

async function progress(ctx: ChatContext, args: string): Promise<void> {
  const own = args === '' || args === 'งาน' || args.toLowerCase() === 'work';
  // `ติดตาม <tracking code>` belongs to complaint tracking (issue 5): in groups anything else is left alone.
  if (ctx.chat.kind !== 'user' && !own) return;
  const provinceId = coordinatorProvinceOf(ctx);
  // In 1:1 chat `ติดตาม <code>` (or any argument from someone who is not a coordinator) is complaint tracking.
  if (ctx.chat.kind === 'user' && !own && (provinceId === undefined || parseTrackingCode(args) !== undefined))
    return trackByText(ctx, args);
  // `ติดตาม` alone from a citizen (or anyone who is not a coordinator) in 1:1: their own complaints.
  if (provinceId === undefined && ctx.chat.kind === 'user') return myComplaints(ctx);
  if (provinceId === undefined)
    return ctx.answer(buildCoordinatorsOnly('การติดตามความคืบหน้างาน ITA ของทุกหน่วยงาน'));
  if (!own) return ctx.answer(buildProgressHint());
  if (ctx.chat.kind !== 'user') return ctx.answer(buildUseUserChat('ดูความคืบหน้าของทุกหน่วยงาน'));
  const view = await collectProgress(ctx.deps.db, provinceId, ctx.now);
  if (view.activityCount === 0 && view.surveys.IIT.of + view.surveys.EIT.of === 0)
    return ctx.answer(buildNothingToTrack(view.year));
  const liff = (page: string) => liffUrlOf(ctx.deps.publicBaseUrl, ctx.deps.liff.liffId, page);
  const quota = buildQuotaSummary(await loadQuotaBudget(ctx.deps, ctx.now));
  return ctx.answer([...buildProgress(view, { surveys: liff('surveys'), plan: liff('plan') }), ...quota]);
}

export const PROGRESS_COMMANDS: Command[] = [
  {
    keywords: ['ติดตาม', 'progress'],
    help: {
      usage: 'ติดตาม',
      text: 'ดูหน่วยงานที่งานเลยกำหนดและความคืบหน้าแบบสำรวจ IIT/EIT เทียบเป้า',
      audience: 'coordinator',
      chats: ['user'],
    },
    run: progress,
  },
];
