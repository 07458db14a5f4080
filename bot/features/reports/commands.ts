// `รายงาน ITA` / `ita report`: buttons to an agency's OIT reports in the mini-app (the analysis of its latest
// result and this year's measure results) — for the agency's ITA staff and the province's coordinators.
import { fiscalYearOf } from '../../../core/index.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import { listScoreYears } from '../../../db/queries/scores.ts';
import { pickAgency } from '../../line/chat/agency-pick.ts';
import type { Command } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { liffUrlOf } from '../../line/liff-url.ts';
import {
  type AgencyReports,
  buildReportLinks,
  buildReportsNotFound,
  buildReportsRefusal,
} from './messages.ts';

async function reportsOf(ctx: ChatContext, agency: Agency): Promise<AgencyReports> {
  const liff = (page: string) => liffUrlOf(ctx.deps.publicBaseUrl, ctx.deps.liff.liffId, page);
  const years = await listScoreYears(ctx.deps.db, agency.id);
  const analysisYear = years[years.length - 1];
  const measuresYear = fiscalYearOf(ctx.now);
  const id = encodeURIComponent(agency.id);
  return {
    agencyName: agency.nameTh,
    analysisYear,
    measuresYear,
    ...(analysisYear === undefined ? {} : { analysisUrl: liff(`reports/analysis/${id}/${analysisYear}`) }),
    measuresUrl: liff(`reports/measures/${id}/${measuresYear}`),
  };
}

const isCoordinatorOf = (ctx: ChatContext, agency: Agency) =>
  ctx.who.roles.some((r) => r.role === 'coordinator' && r.provinceId === agency.provinceId);

async function reportLinks(ctx: ChatContext, args: string): Promise<void> {
  // In an agency's group: that agency's reports, for its staff and the coordinators.
  const groupAgency = ctx.group?.agency;
  if (ctx.chat.kind !== 'user' && groupAgency !== undefined) {
    if (!isCoordinatorOf(ctx, groupAgency) && !ctx.who.staffAgencyIds.includes(groupAgency.id))
      return ctx.answer(buildReportsRefusal());
    return ctx.answer(buildReportLinks([await reportsOf(ctx, groupAgency)]));
  }
  const tools = ctx.who.isCoordinator
    ? liffUrlOf(ctx.deps.publicBaseUrl, ctx.deps.liff.liffId, 'tools')
    : undefined;
  const provinceId = ctx.who.roles.find((r) => r.role === 'coordinator')?.provinceId;
  if (args !== '' && provinceId !== undefined) {
    const picked = await pickAgency(ctx.deps.db, provinceId, args);
    if (picked.kind === 'none') return ctx.answer(buildReportsNotFound(args));
    const agencies = picked.kind === 'one' ? [picked.agency] : picked.agencies;
    return ctx.answer(buildReportLinks(await Promise.all(agencies.map((a) => reportsOf(ctx, a))), tools));
  }
  const own = (await Promise.all(ctx.who.staffAgencyIds.map((id) => findAgencyById(ctx.deps.db, id)))).filter(
    (a): a is Agency => a !== undefined,
  );
  if (own.length === 0 && tools === undefined) return ctx.answer(buildReportsRefusal());
  return ctx.answer(buildReportLinks(await Promise.all(own.map((a) => reportsOf(ctx, a))), tools));
}

export const REPORT_COMMANDS: Command[] = [
  {
    keywords: ['รายงาน ITA', 'report ITA', 'ita report'],
    help: {
      usage: 'รายงาน ITA [ชื่อหน่วยงาน]',
      text: 'เปิดรายงานการวิเคราะห์ผลและรายงานผลตามมาตรการของหน่วยงานสำหรับเผยแพร่ใน OIT',
      audience: 'staff',
      chats: ['user', 'group'],
    },
    run: reportLinks,
  },
];
