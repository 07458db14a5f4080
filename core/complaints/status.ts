// A complaint's vocabulary (issue 5): its types, its statuses with the Thai words the reporter sees, and the
// actions that move it from one status to the next. One state machine for chat buttons, LIFF and the API.
import { isOneOf } from '../one-of.ts';

export const COMPLAINT_TYPES = ['corruption', 'service', 'other'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

export const COMPLAINT_TYPE_LABELS: Record<ComplaintType, string> = {
  corruption: 'ทุจริต/ประพฤติมิชอบ',
  service: 'การให้บริการ',
  other: 'อื่น ๆ',
};

export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'in_progress',
  'closed',
  'referred',
  'rejected',
  'reopened',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** What the reporter (and whoever holds the code) reads for each status. */
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: 'ได้รับเรื่องแล้ว',
  acknowledged: 'หน่วยงานรับทราบเรื่องแล้ว',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  closed: 'ดำเนินการเสร็จสิ้น',
  referred: 'ส่งต่อให้หน่วยงานอื่นแล้ว',
  rejected: 'ไม่รับไว้พิจารณา',
  reopened: 'ผู้ร้องขอให้พิจารณาอีกครั้ง',
};

/** No officer action follows these (a closed complaint may still be reopened once by its reporter). */
export const FINAL_STATUSES: readonly ComplaintStatus[] = ['closed', 'referred', 'rejected'];

export type ComplaintAction = 'acknowledge' | 'take' | 'start' | 'close' | 'refer' | 'reject' | 'reopen';

/** Text an action cannot go without: the result, to whom it was referred, or why. */
export type ActionText = 'result' | 'referredTo' | 'reason';

export interface Transition {
  from: readonly ComplaintStatus[];
  to: ComplaintStatus;
  needs?: ActionText;
  /** Who may take it: an officer of the complaint's agency (or the province), or the reporter. */
  by: 'officer' | 'reporter';
  /** Timestamps the change sets the first time: acknowledged, replied to the reporter, closed. */
  stamps: readonly ('acknowledged' | 'replied' | 'closed')[];
}

/**
 * The text each action cannot go without (its transition's `needs`), on its own: the mini-app asks for it before
 * sending, without the rest of the state machine (the server decides which actions a case has).
 */
export const ACTION_NEEDS: Readonly<Partial<Record<ComplaintAction, ActionText>>> = {
  close: 'result',
  refer: 'referredTo',
  reject: 'reason',
  reopen: 'reason',
};

const OPEN: readonly ComplaintStatus[] = ['received', 'acknowledged', 'in_progress', 'reopened'];

export const TRANSITIONS: Record<ComplaintAction, Transition> = {
  acknowledge: {
    from: ['received', 'reopened'],
    to: 'acknowledged',
    by: 'officer',
    stamps: ['acknowledged'],
  },
  // Taking a case assigns it to the officer and starts work; taking a new one acknowledges it too.
  take: { from: OPEN, to: 'in_progress', by: 'officer', stamps: ['acknowledged'] },
  start: { from: ['acknowledged', 'reopened'], to: 'in_progress', by: 'officer', stamps: ['acknowledged'] },
  // Closing, referring and rejecting each answer the reporter: that is the "replied within 15 days" of the OIT.
  close: {
    from: OPEN,
    to: 'closed',
    needs: ACTION_NEEDS.close,
    by: 'officer',
    stamps: ['acknowledged', 'replied', 'closed'],
  },
  refer: {
    from: OPEN,
    to: 'referred',
    needs: ACTION_NEEDS.refer,
    by: 'officer',
    stamps: ['acknowledged', 'replied', 'closed'],
  },
  reject: {
    from: OPEN,
    to: 'rejected',
    needs: ACTION_NEEDS.reject,
    by: 'officer',
    stamps: ['acknowledged', 'replied', 'closed'],
  },
  reopen: { from: ['closed'], to: 'reopened', needs: ACTION_NEEDS.reopen, by: 'reporter', stamps: [] },
};

/** The reporter may reopen a closed complaint once. */
export const MAX_REOPENS = 1;

export function isComplaintStatus(value: unknown): value is ComplaintStatus {
  return isOneOf(COMPLAINT_STATUSES, value);
}

export function isComplaintType(value: unknown): value is ComplaintType {
  return isOneOf(COMPLAINT_TYPES, value);
}

/** The actions an officer may take on a complaint in this status, in the order buttons show them. */
export function officerActionsFor(status: string): ComplaintAction[] {
  return (Object.keys(TRANSITIONS) as ComplaintAction[]).filter((a) => {
    const t = TRANSITIONS[a];
    return t.by === 'officer' && (t.from as readonly string[]).includes(status);
  });
}

/** The Thai word for a stored type; an unknown value (an older vocabulary) shows as stored. */
export function typeLabelOf(type: string): string {
  return isComplaintType(type) ? COMPLAINT_TYPE_LABELS[type] : type;
}

export function statusLabelOf(status: string): string {
  return isComplaintStatus(status) ? COMPLAINT_STATUS_LABELS[status] : status;
}
