// /api/cases: the complaint officers' side in LIFF (issue 5 §3–4) — the queue, a case with its photos, history
// and (audited) identity, actions, and statistics; /api/cases/track/… is the reporter's side (complaint-track.ts).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { sniffImageType } from '../../../core/complaints/intake-rules.ts';
import { REPORT_PERIODS } from '../../../core/complaints/periods.ts';
import { currentDeadlinesOf, isLate, type SlaSettings } from '../../../core/complaints/sla.ts';
import { type ComplaintStats, complaintStats, type Row } from '../../../core/complaints/stats.ts';
import { formatRepliedShare, monthLabelOf } from '../../../core/complaints/stats-labels.ts';
import {
  COMPLAINT_STATUSES,
  type ComplaintAction,
  officerActionsFor,
  statusLabelOf,
  typeLabelOf,
} from '../../../core/complaints/status.ts';
import { formatThaiDate } from '../../../core/thai/date-format.ts';
import { listAgencies } from '../../../db/queries/agencies.ts';
import { listAttachments } from '../../../db/queries/complaint-attachments.ts';
import { listComplaintEvents } from '../../../db/queries/complaint-events.ts';
import { type Complaint, findComplaintById } from '../../../db/queries/complaints.ts';
import { findLineUser } from '../../../db/queries/line-users.ts';
import type { Deps } from '../../deps.ts';
import { type ApiEnv, allow, forbid, type Viewer } from '../../http/auth.ts';
import { jsonOf, paramOf, queryOf } from '../../http/validate.ts';
import { renderComplaintStatsHtml, statsFileName } from '../reports/complaint-stats.ts';
import { renderComplaintStatsDocx } from '../reports/complaint-stats-docx.ts';
import {
  OIT_FORMATS,
  oitComplaintDocument,
  oitFileName,
  renderOitComplaints,
} from '../reports/oit-complaints-files.ts';
import { loadSettings } from '../settings/settings.ts';
import { listHandledComplaints, mayHandleComplaint, readReporterIdentity } from './access.ts';
import { applyComplaintAction, MAX_ACTION_TEXT } from './actions.ts';
import { thaiDateTime, thaiDay } from './date-labels.ts';
import { readPhoto } from './photo-store.ts';
import { loadComplaintStatsInput, type StatsScope } from './stats-input.ts';
import { complaintTrackRoutes } from './track-api.ts';

const OFFICER_ACTIONS = ['acknowledge', 'take', 'start', 'close', 'refer', 'reject'] as const;
const FAILURE_STATUS = {
  not_found: 404,
  forbidden: 403,
  needs_text: 400,
  not_now: 409,
  reopened_before: 409,
} as const;

const Id = z.object({ id: z.string().min(1).max(64) });

function requireOfficer(viewer: Viewer): void {
  if (!viewer.who.isOfficer) forbid('เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนเท่านั้น');
}

/** The complaint, if it exists (404) and the viewer may handle it (403). */
async function caseFor(deps: Deps, viewer: Viewer, id: string): Promise<Complaint> {
  const complaint = await findComplaintById(deps.db, id);
  if (complaint === undefined) throw new HTTPException(404, { message: 'ไม่พบเรื่องร้องเรียนนี้' });
  if (!mayHandleComplaint(viewer.who, complaint))
    forbid('เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานนี้หรือของจังหวัดเท่านั้น');
  return complaint;
}

/**
 * What a queue row shows: no text, no identity; the deadlines officers work to now (after a reopening, those
 * counted from it) with whether each is late.
 */
/** Taken and being worked on: the officer who pressed "รับเป็นผู้รับผิดชอบ" holds it. */
const isHeld = (c: Complaint) => c.assignedTo !== null && c.status === 'in_progress';

/** Who holds the case, by their LINE display name as last seen (a fallback when LINE never gave one). */
async function holderOf(deps: Deps, c: Complaint, viewerId: string) {
  if (c.assignedTo === null) return null;
  const user = await findLineUser(deps.db, c.assignedTo);
  return { name: user?.displayName ?? 'เจ้าหน้าที่รับเรื่องร้องเรียน', isYou: c.assignedTo === viewerId };
}

function summaryOf(c: Complaint, settings: SlaSettings, now: Date) {
  const deadlines = currentDeadlinesOf(c, settings);
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    type: c.type,
    typeLabel: typeLabelOf(c.type),
    agencyId: c.agencyId,
    status: c.status,
    statusLabel: statusLabelOf(c.status),
    assignedTo: c.assignedTo,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    createdAtLabel: thaiDateTime(c.createdAt),
    deadlines: deadlines.map((d) => ({
      kind: d.kind,
      round: d.round,
      dueOn: d.dueOn,
      dueLabel: thaiDay(d.dueOn),
      metAt: d.metAt?.toISOString() ?? null,
      metAtLabel: d.metAt === null ? null : formatThaiDate(d.metAt),
      late: isLate(d, now),
    })),
  };
}

const StatsQuery = z.object({
  agencyId: z.string().min(1).max(100).optional(),
  year: z.coerce.number().int().min(2560).max(2700),
  period: z.enum(REPORT_PERIODS).default('year'),
});

/** The statistics the viewer may see (403 otherwise), for /stats and its downloads alike. */
async function statsFor(
  deps: Deps,
  viewer: Viewer,
  q: z.infer<typeof StatsQuery>,
): Promise<{ scope: StatsScope; stats: ComplaintStats }> {
  const input = await loadComplaintStatsInput(deps, viewer.who, q.agencyId);
  if (typeof input === 'string') forbid(input);
  const settings = await loadSettings(deps.db);
  const stats = complaintStats({
    complaints: input.complaints,
    fiscalYear: q.year,
    period: q.period,
    now: deps.now(),
    sla: settings,
  });
  return { scope: input.scope, stats };
}

/** "ไม่ทราบหน่วยงาน" for a complaint whose reporter did not know the agency, as the pages and files say it. */
const UNKNOWN_AGENCY = 'ไม่ทราบหน่วยงาน';

/** The province's agencies by id → Thai name. */
async function agencyNamesOf(deps: Deps, provinceId: string | undefined): Promise<Map<string, string>> {
  const agencies = provinceId === undefined ? [] : await listAgencies(deps.db, provinceId);
  return new Map(agencies.map((a) => [a.id, a.nameTh]));
}

/** The breakdowns with each row's Thai name and the share as the report files word them: the page shows them as they come. */
function labelledStats(stats: ComplaintStats, names: ReadonlyMap<string, string>) {
  const labelled = (rows: readonly Row<string>[], labelOf: (key: string) => string) =>
    rows.map((r) => ({ ...r, label: labelOf(r.key) }));
  return {
    ...stats,
    byType: labelled(stats.byType, typeLabelOf),
    byStatus: labelled(stats.byStatus, statusLabelOf),
    byMonth: labelled(stats.byMonth, monthLabelOf),
    byAgency: stats.byAgency.map((r) => ({
      ...r,
      label: r.key === null ? UNKNOWN_AGENCY : (names.get(r.key) ?? r.key),
    })),
    repliedInTimeShareText: formatRepliedShare(stats.repliedInTimeShare),
  };
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function complaintCaseRoutes(deps: Deps) {
  return (
    new Hono<ApiEnv>()
      .route('/track', complaintTrackRoutes(deps))
      .get(
        '/',
        queryOf(
          z.object({
            status: z.enum(COMPLAINT_STATUSES).optional(),
            agencyId: z.string().max(100).optional(),
          }),
        ),
        async (c) => {
          const viewer = c.var.viewer;
          requireOfficer(viewer);
          const q = c.req.valid('query');
          const list = await listHandledComplaints(deps.db, viewer.who, {
            statuses: q.status === undefined ? undefined : [q.status],
            agencyId: q.agencyId,
          });
          const settings = await loadSettings(deps.db);
          const now = deps.now();
          const names = await agencyNamesOf(deps, viewer.who.provinceId);
          // Each row names its agency ('' for one no longer listed), so the queue needs no list of agencies.
          const agencyNameOf = (id: string | null) => (id === null ? UNKNOWN_AGENCY : (names.get(id) ?? ''));
          return c.json({
            complaints: list.map((x) => ({
              ...summaryOf(x, settings, now),
              agencyName: agencyNameOf(x.agencyId),
            })),
          });
        },
      )
      .get('/stats', queryOf(StatsQuery), async (c) => {
        const { scope, stats } = await statsFor(deps, c.var.viewer, c.req.valid('query'));
        return c.json({ scope, stats: labelledStats(stats, await agencyNamesOf(deps, scope.provinceId)) });
      })
      .get(
        '/stats/download',
        queryOf(
          StatsQuery.extend({
            format: z.enum(['docx', 'html']),
            digits: z.enum(['thai', 'arabic']).default('arabic'),
          }),
        ),
        async (c) => {
          const q = c.req.valid('query');
          const { scope, stats } = await statsFor(deps, c.var.viewer, q);
          const doc = {
            scopeName: scope.name,
            stats,
            agencyNames: await agencyNamesOf(deps, scope.provinceId),
          };
          const name = statsFileName(scope.agencyId ?? scope.provinceId, q.year, q.period, q.format);
          const headers = {
            'content-disposition': `attachment; filename="${name}"`,
            'cache-control': 'no-store',
          };
          if (q.format === 'html')
            return c.body(renderComplaintStatsHtml(doc, { digits: q.digits }), 200, {
              ...headers,
              'content-type': 'text/html; charset=utf-8',
            });
          const bytes = await renderComplaintStatsDocx(doc, { digits: q.digits });
          return c.body(bytes, 200, { ...headers, 'content-type': DOCX_TYPE });
        },
      )
      // The OIT item's statistics (corruption and misconduct only, exact counts), for the agency to publish.
      .get(
        '/stats/oit',
        queryOf(
          z.object({
            agencyId: z.string().min(1).max(100).optional(),
            year: z.coerce.number().int().min(2560).max(2700),
            period: z.enum(['h1', 'year']).default('h1'),
            format: z.enum(OIT_FORMATS).default('html'),
            digits: z.enum(['thai', 'arabic']).default('arabic'),
          }),
        ),
        async (c) => {
          const q = c.req.valid('query');
          const input = await loadComplaintStatsInput(deps, c.var.viewer.who, q.agencyId);
          if (typeof input === 'string') forbid(input);
          const id = input.scope.agencyId ?? input.scope.provinceId;
          const doc = await oitComplaintDocument(deps.db, id, q.year, q.period);
          if (typeof doc === 'string') throw new HTTPException(404, { message: doc });
          const { body, contentType } = await renderOitComplaints(doc, q.format, q.digits, false);
          return c.body(typeof body === 'string' ? body : (body.slice().buffer as ArrayBuffer), 200, {
            'content-type': contentType,
            'content-disposition': `attachment; filename="${oitFileName(id, q.year, q.period, q.format)}"`,
            'cache-control': 'no-store',
          });
        },
      )
      .get('/:id', paramOf(Id), async (c) => {
        const viewer = c.var.viewer;
        const complaint = await caseFor(deps, viewer, c.req.valid('param').id);
        const settings = await loadSettings(deps.db);
        const photos = await listAttachments(deps.db, complaint.id);
        const history = await listComplaintEvents(deps.db, complaint.id);
        return c.json({
          ...summaryOf(complaint, settings, deps.now()),
          description: complaint.description,
          occurredAt: complaint.occurredAt,
          place: complaint.place,
          lat: complaint.lat,
          lng: complaint.lng,
          referredTo: complaint.referredTo,
          result: complaint.result,
          rating: complaint.rating,
          reopenedCount: complaint.reopenedCount,
          // The name and phone come only from POST …/identity, when the officer asks (audited then).
          identity: { mode: complaint.identityMode, revealable: complaint.identityMode === 'named' },
          holder: await holderOf(deps, complaint, viewer.userId),
          photos: photos.map((p) => ({ ...p, url: `/api/cases/${complaint.id}/photos/${p.id}` })),
          history: history.map((e) => ({
            ...e,
            label: statusLabelOf(e.status),
            atLabel: thaiDateTime(e.at),
          })),
          // A case someone has taken cannot be taken again (actions.ts refuses it): no button for it.
          actions: officerActionsFor(complaint.status).filter((a) => a !== 'take' || !isHeld(complaint)),
        });
      })
      // "แสดงข้อมูลผู้ร้องเรียน": the reporter's name and phone, each read in the audit log.
      .post('/:id/identity', paramOf(Id), async (c) => {
        const viewer = c.var.viewer;
        const complaint = await caseFor(deps, viewer, c.req.valid('param').id);
        const identity = await readReporterIdentity(deps, complaint, viewer, 'liff');
        if (identity === undefined) throw new HTTPException(404, { message: 'ไม่พบข้อมูลผู้ร้องเรียนของเรื่องนี้' });
        return c.json(identity);
      })
      .get(
        '/:id/photos/:photoId',
        paramOf(z.object({ id: z.string().min(1).max(64), photoId: z.coerce.number().int().positive() })),
        async (c) => {
          const { id, photoId } = c.req.valid('param');
          const complaint = await caseFor(deps, c.var.viewer, id);
          const photo = await readPhoto(deps, complaint.id, photoId);
          if (photo === undefined) throw new HTTPException(404, { message: 'ไม่พบรูปภาพนี้' });
          const bytes = new Uint8Array(photo.bytes);
          // Served as what the bytes are (a row stored before types were sniffed may say otherwise).
          return c.body(bytes, 200, {
            'content-type': sniffImageType(bytes) ?? 'application/octet-stream',
            'cache-control': 'private, no-store',
          });
        },
      )
      .post(
        '/:id/actions',
        allow(requireOfficer),
        paramOf(Id),
        jsonOf(
          z.object({ action: z.enum(OFFICER_ACTIONS), text: z.string().max(MAX_ACTION_TEXT).optional() }),
        ),
        async (c) => {
          const viewer = c.var.viewer;
          const body = c.req.valid('json');
          const settings = await loadSettings(deps.db);
          const outcome = await applyComplaintAction(
            deps,
            {
              complaintId: c.req.valid('param').id,
              action: body.action as ComplaintAction,
              actor: { userId: viewer.userId, who: viewer.who },
              text: body.text,
            },
            settings,
          );
          if (!outcome.ok)
            throw new HTTPException(FAILURE_STATUS[outcome.reason], { message: outcome.message });
          return c.json(summaryOf(outcome.complaint, settings, deps.now()));
        },
      )
  );
}
