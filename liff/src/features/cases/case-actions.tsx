// An officer's buttons for a case, by its status (core's state machine): acknowledge, take, start, and close /
// refer / reject, which need a text (the result, to whom, or why) that the reporter will read.
import { useState } from 'preact/hooks';
import { ACTION_NEEDS, type ActionText, type ComplaintAction } from '../../../../core/complaints/status.ts';
import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { useBusy } from '../../lib/use-load.ts';
import { FieldError } from '../complaints/steps.tsx';
import type { CaseAction } from '../complaints/types.ts';

const ACTION_LABELS: Record<CaseAction, string> = {
  acknowledge: 'รับทราบเรื่อง',
  take: 'รับเป็นผู้รับผิดชอบ',
  start: 'เริ่มดำเนินการ',
  close: 'ปิดเรื่องพร้อมผล',
  refer: 'ส่งต่อหน่วยงานอื่น',
  reject: 'ไม่รับไว้พิจารณา',
};

const TEXT_LABELS: Record<ActionText, string> = {
  result: 'ผลการดำเนินการ (ผู้ร้องจะเห็นข้อความนี้)',
  referredTo: 'ส่งต่อให้หน่วยงานใด (ผู้ร้องจะเห็นข้อความนี้)',
  reason: 'เหตุผลที่ไม่รับไว้พิจารณา (ผู้ร้องจะเห็นข้อความนี้)',
};

const MISSING_TEXT: Record<ActionText, string> = {
  result: 'โปรดกรอกผลการดำเนินการก่อนปิดเรื่อง',
  referredTo: 'โปรดระบุหน่วยงานที่ส่งต่อ',
  reason: 'โปรดระบุเหตุผลที่ไม่รับไว้พิจารณา',
};

const OFFICER_ACTIONS = Object.keys(ACTION_LABELS) as CaseAction[];

function isCaseAction(action: ComplaintAction): action is CaseAction {
  return (OFFICER_ACTIONS as readonly string[]).includes(action);
}

interface Props {
  caseId: string;
  actions: readonly ComplaintAction[];
  onDone(message: string): void;
}

export function CaseActions({ caseId, actions, onDone }: Props) {
  const { api } = useSession();
  const [open, setOpen] = useState<CaseAction>();
  const [text, setText] = useState('');
  const { busy, problem, setProblem, run: work } = useBusy();
  const usable = actions.filter(isCaseAction);
  if (usable.length === 0) return <p class="muted">เรื่องนี้ไม่มีขั้นตอนที่ต้องดำเนินการต่อ</p>;

  const run = async (action: CaseAction) => {
    const needs = ACTION_NEEDS[action];
    if (needs !== undefined && open !== action) {
      setOpen(action);
      setText('');
      setProblem(undefined);
      return;
    }
    if (needs !== undefined && text.trim() === '') {
      setProblem(MISSING_TEXT[needs]);
      return;
    }
    await work(async () => {
      const json = needs === undefined ? { action } : { action, text: text.trim() };
      const done = await ok(api.cases[':id'].actions.$post({ param: { id: caseId }, json }));
      setOpen(undefined);
      onDone(`บันทึกแล้ว: ${done.statusLabel}`);
    });
  };

  const needs = open === undefined ? undefined : ACTION_NEEDS[open];
  return (
    <div>
      <div class="complaint-actions">
        {usable.map((action) => (
          <button
            key={action}
            type="button"
            class={
              action === 'reject'
                ? 'danger'
                : open === action || ACTION_NEEDS[action] === undefined
                  ? ''
                  : 'secondary'
            }
            aria-expanded={ACTION_NEEDS[action] === undefined ? undefined : open === action}
            disabled={busy}
            onClick={() => void run(action)}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {open !== undefined && needs !== undefined && (
        <div class="card complaint-action-text">
          <label class="field">
            {TEXT_LABELS[needs]}
            <textarea
              class="complaint-short"
              value={text}
              maxLength={2000}
              aria-invalid={problem !== undefined}
              aria-describedby="action-error"
              onInput={(e) => {
                setText(e.currentTarget.value);
                setProblem(undefined);
              }}
            />
          </label>
          <div class="row">
            <button type="button" disabled={busy} onClick={() => void run(open)}>
              ยืนยัน{ACTION_LABELS[open]}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(undefined)}>
              ยกเลิก
            </button>
          </div>
        </div>
      )}
      <FieldError id="action-error" message={problem} />
    </div>
  );
}
