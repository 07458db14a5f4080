// One way to move a complaint along core's state machine, for chat buttons and the API alike: who may, what
// text it needs, compare-and-set on the status read, stamps and retention, the audit row and the reporter's push.
import {
  type ComplaintAction,
  MAX_REOPENS,
  TRANSITIONS,
  type Transition,
} from '../../../core/complaints/status.ts';
import { updateComplaintStatus } from '../../../db/queries/complaint-events.ts';
import { type Complaint, findComplaintById } from '../../../db/queries/complaints.ts';
import type { Deps } from '../../deps.ts';
import type { Who } from '../../line/chat/context.ts';
import { loadSettings, type Settings } from '../settings/settings.ts';
import { mayHandleComplaint } from './access.ts';
import { ComplaintKeyError } from './crypto.ts';
import { notifyOfficersReopened, notifyReporter } from './notify.ts';

/** An officer (their LINE user id and roles), or the reporter — whoever holds the tracking code. */
export type ComplaintActor = { userId: string; who: Who } | 'reporter';

export interface ActionRequest {
  complaintId: string;
  action: ComplaintAction;
  actor: ComplaintActor;
  /** The result, to whom it was referred, or the reason — required where the transition `needs` it. */
  text?: string;
}

export type ActionFailure = 'not_found' | 'forbidden' | 'needs_text' | 'not_now' | 'reopened_before';

export type ActionOutcome =
  | { ok: true; complaint: Complaint; previous: Complaint }
  | { ok: false; reason: ActionFailure; message: string; complaint?: Complaint };

export const MAX_ACTION_TEXT = 2000;
const DAY_MS = 86_400_000;

const NEEDS_MESSAGES: Record<NonNullable<Transition['needs']>, string> = {
  result: 'โปรดระบุผลการดำเนินการก่อนปิดเรื่อง',
  referredTo: 'โปรดระบุหน่วยงานที่ส่งต่อเรื่องไป',
  reason: 'โปรดระบุเหตุผล',
};

const fail = (reason: ActionFailure, message: string, complaint?: Complaint): ActionOutcome => ({
  ok: false,
  reason,
  message,
  complaint,
});

function mayAct(actor: ComplaintActor, t: Transition, complaint: Complaint): boolean {
  if (t.by === 'reporter') return actor === 'reporter';
  return actor !== 'reporter' && mayHandleComplaint(actor.who, complaint);
}

/** The text the transition needs, trimmed and checked; a string message when it is missing or too long. */
function textFor(t: Transition, raw: string | undefined): { value: string | null } | string {
  const value = raw?.trim() ?? '';
  if (value.length > MAX_ACTION_TEXT) return `ข้อความยาวเกินไป (ไม่เกิน ${MAX_ACTION_TEXT} ตัวอักษร)`;
  if (t.needs !== undefined && value === '') return NEEDS_MESSAGES[t.needs];
  return { value: value === '' ? null : value };
}

/**
 * Applies the action. Checks run in this order: the complaint exists, the actor may take the action, the
 * required text is there, the status allows it; then one compare-and-set on the status that was read (so of
 * two officers pressing at once exactly one wins), an audit row, and the reporter's update. `settings`: when
 * the caller has read them for this request already.
 */
export async function applyComplaintAction(
  deps: Deps,
  req: ActionRequest,
  settings?: Settings,
): Promise<ActionOutcome> {
  const { db } = deps;
  const t = TRANSITIONS[req.action];
  const complaint = await findComplaintById(db, req.complaintId);
  if (complaint === undefined) return fail('not_found', 'ไม่พบเรื่องร้องเรียนนี้');
  if (!mayAct(req.actor, t, complaint))
    return fail('forbidden', 'เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานนี้เท่านั้น', complaint);
  const text = textFor(t, req.text);
  if (typeof text === 'string') return fail('needs_text', text, complaint);
  if (req.action === 'reopen' && complaint.reopenedCount >= MAX_REOPENS)
    return fail('reopened_before', 'เรื่องนี้ขอให้พิจารณาอีกครั้งไปแล้ว ขอได้เพียง 1 ครั้งต่อเรื่อง', complaint);
  // Taking a case someone already holds is not a second "take": it would silently reassign it.
  const held = req.action === 'take' && complaint.assignedTo !== null && complaint.status === 'in_progress';
  if (held || !(t.from as readonly string[]).includes(complaint.status))
    return fail('not_now', 'สถานะของเรื่องเปลี่ยนไปแล้ว ไม่ต้องดำเนินการนี้', complaint);

  const now = deps.now();
  const { complaintRetentionDays } = settings ?? (await loadSettings(db));
  const closing = t.stamps.includes('closed');
  const actorId = req.actor === 'reporter' ? 'reporter' : req.actor.userId;
  const updated = await updateComplaintStatus(
    db,
    {
      complaintId: complaint.id,
      status: t.to,
      actor: actorId,
      note: text.value,
      from: [complaint.status],
      assignedTo: req.action === 'take' && req.actor !== 'reporter' ? req.actor.userId : undefined,
      referredTo: req.action === 'refer' ? text.value : undefined,
      result: req.action === 'close' || req.action === 'reject' ? text.value : undefined,
      stamps: t.stamps,
      reopen: req.action === 'reopen',
      deleteAfter: closing
        ? new Date(now.getTime() + complaintRetentionDays * DAY_MS)
        : req.action === 'reopen'
          ? null
          : undefined,
      audit: {
        actor: actorId,
        action: 'complaint.status',
        subjectType: 'complaint',
        subjectId: complaint.id,
        detail: { action: req.action, from: complaint.status, to: t.to },
      },
    },
    now,
  );
  if (updated === undefined) {
    // Someone else acted between our read and our write.
    const current = await findComplaintById(db, complaint.id);
    return fail('not_now', 'สถานะของเรื่องเปลี่ยนไปแล้ว ไม่ต้องดำเนินการนี้', current);
  }
  try {
    if (req.action === 'reopen') await notifyOfficersReopened(deps, updated, now);
    else await notifyReporter(deps, updated, now);
  } catch (error) {
    // The change stands; a failed notice is logged for the operator (never with the reporter's id). A wrong
    // COMPLAINT_KEY is not something to carry on past: it goes up as well.
    deps.log.error('complaint update not queued', {
      complaintId: complaint.id,
      reason: error instanceof Error ? error.message : String(error),
    });
    if (error instanceof ComplaintKeyError) throw error;
  }
  return { ok: true, complaint: updated, previous: complaint };
}
