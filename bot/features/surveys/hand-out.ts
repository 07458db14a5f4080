// Handing out IIT/EIT links in chat: which agency is meant, who may have an IIT link, and the link + QR answer.
// IIT goes only to the agency's own people: its staff group (a group of kind 'staff' bound to the agency is
// the staff's own group, so every member gets it) or, in 1:1 chat, people holding a staff role there.
import type { SurveyInstrument } from '../../../core/surveys/targets.ts';
import type { Agency } from '../../../db/queries/agencies.ts';
import { findAgencyById, searchAgencies } from '../../../db/queries/agencies.ts';
import { postbackData } from '../../line/chat/command.ts';
import type { ChatContext } from '../../line/chat/context.ts';
import { isHttpsUrl, qrImageUrl, shortLinkUrl } from './links.ts';
import {
  buildAgencyPick,
  buildEitAsk,
  buildNoAgencyMatch,
  buildNoLink,
  buildSurveyLink,
  buildSurveyRefusal,
  MAX_PICKS,
} from './messages.ts';
import { loadSurveyStatus } from './status.ts';

/** Answers with the agency's short link and QR code (or why there is none). */
async function answerWithLink(
  ctx: ChatContext,
  agency: Agency,
  instrument: SurveyInstrument,
  audience: 'staff' | 'public',
): Promise<void> {
  const status = await loadSurveyStatus(ctx.deps.db, agency, instrument, ctx.now);
  const link = status.link;
  if (link === undefined || !isHttpsUrl(link.url))
    return ctx.answer(buildNoLink(agency.nameTh, instrument, status.year, audience === 'staff'));
  const base = ctx.deps.publicBaseUrl;
  const media = ctx.deps.mediaBaseUrl ?? base;
  return ctx.answer(
    buildSurveyLink({
      agencyName: agency.nameTh,
      status,
      shortUrl: shortLinkUrl(base, link.code, 'line'),
      qrUrl: qrImageUrl(media, link.code, 'print'),
      qrPreviewUrl: qrImageUrl(media, link.code, 'preview'),
      audience,
    }),
  );
}

/**
 * May this chat receive the agency's IIT link? In a group every member reads the answer, so only the agency's
 * own staff group qualifies, whoever asks; in 1:1 chat, a person holding a staff role at the agency.
 */
function mayGetIit(ctx: ChatContext, agencyId: string): boolean {
  if (ctx.chat.kind === 'group')
    return ctx.group?.agency?.id === agencyId && ctx.group.record.kind === 'staff';
  return ctx.chat.kind === 'user' && ctx.who.staffAgencyIds.includes(agencyId);
}

/** The agencies the person is staff of, optionally narrowed by a name they typed. */
async function ownAgencies(ctx: ChatContext, typed: string): Promise<Agency[]> {
  const found = await Promise.all(ctx.who.staffAgencyIds.map((id) => findAgencyById(ctx.deps.db, id)));
  const agencies = found.filter((a): a is Agency => a !== undefined);
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return agencies;
  return agencies.filter((a) =>
    [a.id, a.nameTh, a.shortName ?? ''].some((name) => name.toLowerCase().includes(wanted)),
  );
}

/** `IIT` / `EIT` in a group: the bound agency's link. */
async function inGroup(ctx: ChatContext, instrument: SurveyInstrument, args: string): Promise<void> {
  const agency = ctx.group?.agency;
  if (instrument === 'EIT' && args !== '') return searchForEit(ctx, args);
  if (agency === undefined) {
    const officers = ctx.group?.record.kind === 'officers';
    return ctx.answer(
      buildSurveyRefusal(officers && instrument === 'IIT' ? 'iit_officers_group' : 'group_not_bound'),
    );
  }
  if (instrument === 'IIT' && !mayGetIit(ctx, agency.id))
    return ctx.answer(buildSurveyRefusal('iit_officers_group'));
  return answerWithLink(ctx, agency, instrument, 'staff');
}

/** `EIT <name>`: the province's agencies whose name contains it; one is answered, several are offered. */
async function searchForEit(ctx: ChatContext, typed: string): Promise<void> {
  const provinceId = ctx.group?.agency?.provinceId ?? ctx.who.provinceId;
  const found =
    provinceId === undefined ? [] : await searchAgencies(ctx.deps.db, provinceId, typed, MAX_PICKS + 1);
  const exact = found.filter((a) => a.nameTh === typed || a.shortName === typed);
  const only = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
  if (only !== undefined) return answerWithLink(ctx, only, 'EIT', audienceFor(ctx, only.id));
  // In a group "EIT ได้กี่คนแล้ว" is members talking, not a search: the bot stays out of it (events/message.ts).
  if (found.length === 0)
    return ctx.chat.kind === 'group' ? undefined : ctx.answer(buildNoAgencyMatch(typed));
  const question = 'พบหลายหน่วยงาน ต้องการแบบวัด EIT ของหน่วยงานใดคะ';
  return ctx.answer(buildAgencyPick(question, found, (a) => postbackData('eit', { ag: a.id })));
}

/** Figures and sharing advice for the agency's own people (its group, its staff, the coordinators); else an invitation. */
function audienceFor(ctx: ChatContext, agencyId: string): 'staff' | 'public' {
  const ownGroup = ctx.chat.kind === 'group' && ctx.group?.agency?.id === agencyId;
  const own = ownGroup || ctx.who.staffAgencyIds.includes(agencyId) || ctx.who.isCoordinator;
  return own ? 'staff' : 'public';
}

/** `IIT [agency]` / `EIT [agency]` in 1:1 chat. */
async function inUserChat(ctx: ChatContext, instrument: SurveyInstrument, args: string): Promise<void> {
  if (instrument === 'EIT' && args !== '') return searchForEit(ctx, args);
  const own = await ownAgencies(ctx, args);
  if (own.length === 0)
    return ctx.answer(instrument === 'IIT' ? buildSurveyRefusal('iit_not_staff') : buildEitAsk());
  const [first] = own;
  if (own.length === 1 && first !== undefined) return answerWithLink(ctx, first, instrument, 'staff');
  const question = `ท่านเป็นเจ้าหน้าที่ของหลายหน่วยงาน ต้องการลิงก์แบบวัด ${instrument} ของหน่วยงานใดคะ`;
  const name = instrument === 'IIT' ? 'iit' : 'eit';
  return ctx.answer(buildAgencyPick(question, own, (a) => postbackData(name, { ag: a.id })));
}

/** The `IIT` and `EIT` commands. */
export async function handOutLink(
  ctx: ChatContext,
  instrument: SurveyInstrument,
  args: string,
): Promise<void> {
  if (ctx.chat.kind === 'room') return ctx.answer(buildSurveyRefusal('room'));
  if (ctx.chat.kind === 'group') return inGroup(ctx, instrument, args);
  return inUserChat(ctx, instrument, args);
}

/** A pressed choice (`a=iit|eit&ag=<id>`): the agency is checked again — postback data comes from the client. */
export async function handOutPicked(
  ctx: ChatContext,
  instrument: SurveyInstrument,
  agencyId: string,
): Promise<void> {
  const agency = await findAgencyById(ctx.deps.db, agencyId);
  if (agency === undefined) return ctx.answer(buildNoAgencyMatch(agencyId));
  if (instrument === 'IIT' && !mayGetIit(ctx, agency.id))
    return ctx.answer(buildSurveyRefusal(ctx.chat.kind === 'group' ? 'iit_officers_group' : 'iit_not_staff'));
  return answerWithLink(ctx, agency, instrument, audienceFor(ctx, agency.id));
}
