// Compose an announcement: text and who gets it, a preview with the group count and what it costs in LINE's
// monthly quota (and what remains after it), then an explicit confirm.
import { useState } from 'preact/hooks';
import type { BroadcastFilter, BroadcastPreview } from '../../lib/api-types.ts';
import { useBusy } from '../../lib/use-load.ts';

type AgencyTypeCode = NonNullable<NonNullable<BroadcastFilter>['type']>;

export interface BroadcastFormProps {
  types: readonly { type: AgencyTypeCode; label: string }[];
  districts: readonly string[];
  activities: readonly { id: string; label: string }[];
  preview: (text: string, filter: BroadcastFilter) => Promise<BroadcastPreview>;
  /** Resolves with the Thai message of what was queued. */
  send: (text: string, filter: BroadcastFilter) => Promise<string>;
}

const n = (value: number) => value.toLocaleString('en-US');

/** What the announcement costs in LINE's monthly quota and what remains after it — the chat preview's words. */
function QuotaCost({ preview }: { preview: BroadcastPreview }) {
  const remaining = preview.remainingAfter;
  return (
    <div class="quota-cost" data-testid="quota-cost">
      <p>
        ใช้โควตาข้อความ LINE ประมาณ <strong data-testid="cost">{n(preview.cost)}</strong> ข้อความ (1
        ข้อความต่อสมาชิกกลุ่ม 1 คน)
        {preview.uncountedGroups > 0 && ` · ${preview.uncountedGroups} กลุ่มยังไม่ได้นับสมาชิก คิดกลุ่มละ 10 คน`}
      </p>
      {preview.quota === 'none' ? (
        <p class="muted small">แพ็กเกจ LINE นี้ไม่จำกัดจำนวนข้อความต่อเดือน</p>
      ) : remaining === null ? (
        <p class="muted small">อ่านโควตาคงเหลือจาก LINE ไม่ได้ในขณะนี้</p>
      ) : remaining >= 0 ? (
        <p>
          หลังส่งจะเหลือโควตาเดือนนี้ <strong data-testid="remaining">{n(remaining)}</strong> ข้อความ
        </p>
      ) : (
        <p class="weak" role="alert">
          โควตาเดือนนี้ไม่พอ ขาดอีก <strong data-testid="short">{n(-remaining)}</strong> ข้อความ: LINE
          จะหยุดรับเมื่อโควตาหมด ส่วนที่เหลือจะส่งต่อเมื่อขึ้นเดือนใหม่ หรือเมื่อเพิ่มแพ็กเกจแล้วกด "ส่งต่อ"
        </p>
      )}
    </div>
  );
}

type Step =
  | { at: 'compose' }
  | { at: 'confirm'; preview: BroadcastPreview }
  | { at: 'sent'; message: string };

export function BroadcastForm({ types, districts, activities, preview, send }: BroadcastFormProps) {
  const [text, setText] = useState('');
  const [type, setType] = useState('');
  const [district, setDistrict] = useState('');
  const [activity, setActivity] = useState('');
  const [step, setStep] = useState<Step>({ at: 'compose' });
  const { busy, problem, run: act } = useBusy();
  const filter = (): BroadcastFilter => {
    const chosenType = types.find((t) => t.type === type)?.type;
    return {
      ...(chosenType === undefined ? {} : { type: chosenType }),
      ...(district === '' ? {} : { district }),
      ...(activity === '' ? {} : { notDoneActivityId: activity }),
    };
  };
  // Any change after the preview goes back to composing: the count shown must match what is sent.
  const edit = (set: (v: string) => void) => (e: { currentTarget: { value: string } }) => {
    set(e.currentTarget.value);
    if (step.at !== 'compose') setStep({ at: 'compose' });
  };

  if (step.at === 'sent') {
    return (
      <div class="card" role="status">
        <p>{step.message}</p>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setText('');
            setStep({ at: 'compose' });
          }}
        >
          เขียนประกาศใหม่
        </button>
      </div>
    );
  }
  return (
    <div class="card">
      <label class="field">
        ข้อความประกาศ
        <textarea id="broadcast-text" value={text} onInput={edit(setText)} maxLength={5000} />
      </label>
      <div class="row">
        <label class="field grow">
          ประเภทหน่วยงาน
          <select value={type} onChange={edit(setType)}>
            <option value="">ทุกประเภท</option>
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label class="field grow">
          อำเภอ
          <select value={district} onChange={edit(setDistrict)}>
            <option value="">ทุกอำเภอ</option>
            {districts.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="field">
        เฉพาะหน่วยงานที่ยังไม่เสร็จงาน
        <select value={activity} onChange={edit(setActivity)}>
          <option value="">ไม่กำหนด</option>
          {activities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      {step.at === 'compose' ? (
        <button
          type="button"
          disabled={busy || text.trim() === ''}
          onClick={() => act(async () => setStep({ at: 'confirm', preview: await preview(text, filter()) }))}
        >
          ดูตัวอย่างและจำนวนผู้รับ
        </button>
      ) : (
        <div class="confirm" aria-live="polite">
          <p>
            จะส่งถึง <strong data-testid="groups">{step.preview.groups}</strong> กลุ่ม ({step.preview.audience})
          </p>
          {step.preview.groups > 0 && <QuotaCost preview={step.preview} />}
          <pre class="preview">{step.preview.text}</pre>
          {step.preview.groups === 0 ? (
            <p class="weak">ไม่มีกลุ่มที่ตรงกับผู้รับที่เลือก ลองเปลี่ยนตัวกรอง</p>
          ) : (
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => act(async () => setStep({ at: 'sent', message: await send(text, filter()) }))}
            >
              ยืนยันส่งถึง {step.preview.groups} กลุ่ม
            </button>
          )}
          <button type="button" class="secondary" onClick={() => setStep({ at: 'compose' })}>
            แก้ไขข้อความ
          </button>
        </div>
      )}
      {problem !== undefined && (
        <p class="weak" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
