// One step of the chat intake: what an answer does to the draft, and which question comes next. Wrong input
// stays at its step with a re-ask that says what was wrong (issue 5 §1: never a dead end).

import { normalizeText } from '../../../core/chat/command-text.ts';
import {
  type IdentityMode,
  isIdentityMode,
  parseComplaintType,
  validateDescription,
  validateName,
  validateWhenWhere,
} from '../../../core/complaints/intake-rules.ts';
import { normalizeThaiPhone } from '../../../core/complaints/phone.ts';
import { type ComplaintType, isComplaintType } from '../../../core/complaints/status.ts';
import { findAgencyById } from '../../../db/queries/agencies.ts';
import type { Deps } from '../../deps.ts';
import { pickAgency } from '../../line/chat/agency-pick.ts';
import { text } from '../../line/chat/message-parts.ts';
import type { LineMessage } from '../../line/client.ts';
import {
  askAgency,
  askAgencyChoice,
  askConfirm,
  askDescription,
  askEdit,
  askIdentity,
  askName,
  askPhone,
  askPhotos,
  askType,
  askWhenWhere,
  EDITABLE,
  type Step,
} from './intake-messages.ts';

/** The draft as kept in conversation_state; name and phone are sealed even there. */
export interface Draft {
  provinceId: string;
  type?: ComplaintType;
  /** null: the reporter does not know. */
  agencyId?: string | null;
  agencyName?: string;
  description?: string;
  occurredAt?: string | null;
  place?: string | null;
  lat?: number;
  lng?: number;
  identityMode?: IdentityMode;
  sealedName?: string;
  sealedPhone?: string;
  /** Keyed hash and time of the last free text a step took: the same text again at once is a duplicate. */
  lastHash?: string;
  lastAt?: number;
  /** The last event that moved the flow: handled again (a retry), it is answered, not applied twice. */
  lastEventId?: string;
  /** Changing one answer from the summary ("แก้ไข"): once it is given, the flow goes back to the summary. */
  editing?: boolean;
}

export type IntakeInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; step: string; choice: string }
  | { kind: 'location'; title?: string; address?: string; lat: number; lng: number }
  | {
      kind: 'image';
      messageId: string;
      external: boolean;
      /** LINE's imageSet: photos sent together, one event each; `total` of them. */
      set?: { id: string; total: number };
    }
  | { kind: 'other' };

export type StepResult =
  | { kind: 'next'; step: Step; draft: Draft; lead?: string }
  | { kind: 'stay'; lead: string; extra?: LineMessage[] }
  | { kind: 'confirm' };

export interface StepEnv {
  deps: Deps;
  draftKey: string;
  /** Photos stored on the draft so far. */
  photoCount: number;
}

const SKIP_WORDS = ['ข้าม', 'ไม่มี', 'skip', '-'];
const DONE_WORDS = ['เสร็จ', 'เสร็จแล้ว', 'ข้าม', 'ไม่มี', 'done', 'skip'];
const YES_WORDS = ['ยืนยัน', 'ยืนยันส่งเรื่อง', 'ส่ง', 'ตกลง', 'confirm', 'yes'];
const UNKNOWN_WORDS = ['ไม่ทราบ', 'ไม่รู้', 'unknown'];
const EDIT_WORDS = ['แก้ไข', 'แก้', 'edit'];
/** Steps that follow one another even while editing: a name is always followed by its phone. */
const CHAINED: readonly Step[] = ['name', 'phone'];

/** The typed text or pressed choice of this step, folded; undefined for other kinds of input. */
function answerOf(step: Step, input: IntakeInput): string | undefined {
  if (input.kind === 'choice') return input.step === step ? input.choice : undefined;
  return input.kind === 'text' ? input.text : undefined;
}

const said = (answer: string, words: readonly string[]) => words.includes(normalizeText(answer));

/** The question of a step (with a first line saying what was wrong, when re-asked). */
export function questionOf(
  step: Step,
  env: StepEnv,
  summary: string,
  lead?: string,
  draft?: Draft,
): LineMessage[] {
  const k = env.draftKey;
  const withLead = (m: LineMessage) => (lead === undefined ? [m] : [text(lead), m]);
  switch (step) {
    case 'type':
      return withLead(askType(k));
    case 'agency':
      return withLead(askAgency(k));
    case 'description':
      return withLead(askDescription());
    case 'whenWhere':
      return withLead(askWhenWhere(k));
    case 'photos':
      return [askPhotos(k, env.photoCount, lead)];
    case 'identity':
      return withLead(askIdentity(k));
    case 'name':
      return withLead(askName());
    case 'phone':
      return withLead(askPhone());
    case 'confirm':
      return withLead(askConfirm(k, summary));
    case 'edit':
      return withLead(askEdit(k, draft?.identityMode === 'named'));
  }
}

export async function applyStep(
  env: StepEnv,
  step: Step,
  draft: Draft,
  input: IntakeInput,
): Promise<StepResult> {
  const answer = answerOf(step, input);
  // While editing, the answer given goes back to the summary (a new name still asks for its phone).
  const next = (to: Step, changes: Partial<Draft>, lead?: string): StepResult => {
    const step = draft.editing === true && !CHAINED.includes(to) ? 'confirm' : to;
    const done = step === 'confirm' ? { editing: undefined } : {};
    return { kind: 'next', step, draft: { ...draft, ...changes, ...done }, lead };
  };
  if (input.kind === 'image' && step !== 'photos')
    return { kind: 'stay', lead: 'ขั้นนี้ยังไม่รับรูปภาพ ส่งรูปได้ในขั้นแนบรูปภาพค่ะ' };
  if (input.kind === 'location' && step !== 'whenWhere')
    return { kind: 'stay', lead: 'ขั้นนี้ยังไม่รับตำแหน่ง ส่งตำแหน่งได้ในขั้นเวลาและสถานที่ค่ะ' };
  switch (step) {
    case 'type': {
      const type =
        answer === undefined ? undefined : isComplaintType(answer) ? answer : parseComplaintType(answer);
      if (type === undefined) return { kind: 'stay', lead: 'โปรดเลือกประเภทเรื่องจากปุ่มด้านล่าง' };
      return next('agency', { type });
    }
    case 'agency':
      return applyAgency(env, draft, input, answer, next);
    case 'description': {
      if (answer === undefined) return { kind: 'stay', lead: 'โปรดพิมพ์รายละเอียดเป็นข้อความค่ะ' };
      const checked = validateDescription(answer);
      return checked.ok
        ? next('whenWhere', { description: checked.value })
        : { kind: 'stay', lead: checked.message };
    }
    case 'whenWhere': {
      if (input.kind === 'location') {
        const place = [input.title, input.address].filter(Boolean).join(' ') || null;
        return next('photos', {
          occurredAt: null,
          place: place?.slice(0, 500) ?? null,
          lat: input.lat,
          lng: input.lng,
        });
      }
      if (answer === undefined) return { kind: 'stay', lead: 'โปรดพิมพ์เวลาและสถานที่ ส่งตำแหน่ง หรือกด "ข้าม"' };
      // A new answer replaces the whole of the old one (a location sent before included).
      const noPlace = { place: null, lat: undefined, lng: undefined };
      if (input.kind === 'choice' || said(answer, SKIP_WORDS))
        return next('photos', { occurredAt: null, ...noPlace });
      const checked = validateWhenWhere(answer);
      return checked.ok
        ? next('photos', { occurredAt: checked.value, ...noPlace })
        : { kind: 'stay', lead: checked.message };
    }
    case 'photos':
      if (answer !== undefined && (input.kind === 'choice' || said(answer, DONE_WORDS)))
        return next('identity', {});
      return { kind: 'stay', lead: 'ส่งรูปภาพ หรือกด "เสร็จ" / "ข้าม" เพื่อไปขั้นต่อไป' };
    case 'identity': {
      const mode = answer === undefined ? undefined : identityOf(answer);
      if (mode === undefined) return { kind: 'stay', lead: 'โปรดเลือกวิธีระบุตัวตนจากปุ่มด้านล่าง' };
      const changes = { identityMode: mode, sealedName: undefined, sealedPhone: undefined };
      return next(mode === 'named' ? 'name' : 'confirm', changes);
    }
    case 'name': {
      const checked = validateName(answer ?? '');
      if (!checked.ok) return { kind: 'stay', lead: checked.message };
      return next('phone', { sealedName: await env.deps.complaintCrypto.seal(checked.value) });
    }
    case 'phone': {
      const checked = normalizeThaiPhone(answer ?? '');
      if (!checked.ok) return { kind: 'stay', lead: checked.message };
      return next('confirm', { sealedPhone: await env.deps.complaintCrypto.seal(checked.value) });
    }
    case 'confirm':
      if (answer === 'edit' || (answer !== undefined && said(answer, EDIT_WORDS)))
        return { kind: 'next', step: 'edit', draft };
      if (answer === 'yes' || (answer !== undefined && input.kind === 'text' && said(answer, YES_WORDS)))
        return { kind: 'confirm' };
      return { kind: 'stay', lead: 'กด "ยืนยันส่งเรื่อง" เพื่อส่ง "แก้ไข" เพื่อเปลี่ยนคำตอบ หรือ "ยกเลิก" เพื่อยกเลิกค่ะ' };
    case 'edit': {
      if (answer === 'back' || (answer !== undefined && said(answer, ['กลับไปที่สรุป', 'กลับ', 'back'])))
        return { kind: 'next', step: 'confirm', draft: { ...draft, editing: undefined } };
      const folded = answer === undefined ? undefined : normalizeText(answer);
      const chosen = EDITABLE.find((e) => e.step === answer || normalizeText(e.label) === folded);
      if (chosen === undefined || (chosen.step === 'name' && draft.identityMode !== 'named'))
        return { kind: 'stay', lead: 'โปรดเลือกคำตอบที่ต้องการแก้ไขจากปุ่มด้านล่างค่ะ' };
      return { kind: 'next', step: chosen.step, draft: { ...draft, editing: true } };
    }
  }
}

function identityOf(answer: string): IdentityMode | undefined {
  if (isIdentityMode(answer)) return answer;
  const folded = normalizeText(answer);
  if (['1', 'ระบุชื่อ', 'named'].includes(folded)) return 'named';
  if (['2', 'ไม่ระบุชื่อ+แจ้งผล', 'ไม่ระบุชื่อ', 'anonymous'].includes(folded)) return 'anonymous_updates';
  if (['3', 'รหัสติดตามเท่านั้น', 'code only'].includes(folded)) return 'code_only';
  return undefined;
}

async function applyAgency(
  env: StepEnv,
  draft: Draft,
  input: IntakeInput,
  answer: string | undefined,
  next: (to: Step, changes: Partial<Draft>) => StepResult,
): Promise<StepResult> {
  if (answer === undefined) return { kind: 'stay', lead: 'โปรดพิมพ์ชื่อหน่วยงาน หรือกด "ไม่ทราบ"' };
  if (answer === 'unknown' || said(answer, UNKNOWN_WORDS))
    return next('description', { agencyId: null, agencyName: undefined });
  const { db } = env.deps;
  if (input.kind === 'choice') {
    const agency = await findAgencyById(db, answer);
    if (agency !== undefined && agency.provinceId === draft.provinceId)
      return next('description', { agencyId: agency.id, agencyName: agency.nameTh });
    return { kind: 'stay', lead: 'ไม่พบหน่วยงานนี้แล้ว โปรดพิมพ์ชื่อใหม่' };
  }
  const pick = await pickAgency(db, draft.provinceId, answer);
  if (pick.kind === 'one')
    return next('description', { agencyId: pick.agency.id, agencyName: pick.agency.nameTh });
  if (pick.kind === 'none')
    return { kind: 'stay', lead: `ไม่พบหน่วยงานที่ชื่อมี "${answer.slice(0, 50)}" ลองพิมพ์คำอื่น หรือกด "ไม่ทราบ"` };
  return { kind: 'stay', lead: '', extra: askAgencyChoice(env.draftKey, pick.agencies, pick.more) };
}
