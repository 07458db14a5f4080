// The first steps of the complaint form: privacy notice, type and agency, what happened, when and where.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { INTAKE_RULES } from '../../../../core/complaints/intake-rules.ts';
import { COMPLAINT_TYPE_LABELS, COMPLAINT_TYPES } from '../../../../core/complaints/status.ts';
import { AgencyPicker } from './agency-picker.tsx';
import type { FieldErrors, FormState } from './form-model.ts';

export interface StepProps {
  form: FormState;
  errors: FieldErrors;
  update(patch: Partial<FormState>): void;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p id={id} class="field-error" role="alert">
      {message}
    </p>
  );
}

/** One choice of several as radio buttons under a legend, with the field's error (and any note) under them. */
export function RadioChoices<T extends string>({
  name,
  legend,
  choices,
  value,
  onPick,
  error,
  errorId,
  note,
  children,
}: {
  name: string;
  legend: string;
  choices: readonly T[];
  value: T | null;
  onPick(choice: T): void;
  /** What each choice says: its label, and anything under it. */
  children: (choice: T) => ComponentChildren;
  error: string | undefined;
  errorId: string;
  /** Said under the choices, before the error. */
  note?: ComponentChildren;
}) {
  return (
    <fieldset class="complaint-fieldset" aria-describedby={error === undefined ? undefined : errorId}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} class="complaint-radio">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onPick(choice)}
          />
          {children(choice)}
        </label>
      ))}
      {note}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

/** A one-line text box of the form with its label, and its error under it. */
function TextField({
  form,
  errors,
  update,
  field,
  label,
  placeholder,
}: StepProps & { field: 'occurredAt' | 'place'; label: string; placeholder: string }) {
  return (
    <>
      <label class="field">
        {label}
        <input
          type="text"
          value={form[field]}
          placeholder={placeholder}
          aria-describedby={`${field}-error`}
          onInput={(e) => update({ [field]: e.currentTarget.value })}
        />
      </label>
      <FieldError id={`${field}-error`} message={errors[field]} />
    </>
  );
}

export function PrivacyStep({ form, errors, update }: StepProps) {
  return (
    <div>
      <ul class="complaint-notice">
        <li>เราเก็บประเภทเรื่อง หน่วยงาน รายละเอียด เวลาและสถานที่ และรูปภาพที่ท่านส่ง</li>
        <li>ชื่อและเบอร์โทรศัพท์เก็บเฉพาะเมื่อท่านเลือก "ระบุชื่อ" และเข้ารหัสก่อนบันทึก</li>
        <li>เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานที่เกี่ยวข้อง (หรือของจังหวัด) เห็นรายละเอียด</li>
        <li>เรื่องที่ปิดแล้วจะถูกลบพร้อมรูปและข้อมูลตัวตนเมื่อครบกำหนดเก็บ</li>
        <li>"ไม่ระบุชื่อ" หมายถึงหน่วยงานไม่ทราบว่าท่านเป็นใคร แต่ LINE ทราบว่าท่านคุยกับบัญชีนี้</li>
      </ul>
      <p>
        <a href="/privacy" target="_blank" rel="noopener">
          อ่านนโยบายคุ้มครองข้อมูลฉบับเต็ม
        </a>
      </p>
      <label class="complaint-check">
        <input
          type="checkbox"
          checked={form.accepted}
          aria-describedby={errors.accepted === undefined ? undefined : 'accepted-error'}
          onChange={(e) => update({ accepted: e.currentTarget.checked })}
        />
        <span>ข้าพเจ้าได้อ่านและยอมรับการเก็บข้อมูลตามที่แจ้งไว้</span>
      </label>
      <FieldError id="accepted-error" message={errors.accepted} />
    </div>
  );
}

export function WhatStep({ form, errors, update }: StepProps) {
  return (
    <div>
      <RadioChoices
        name="complaint-type"
        legend="ประเภทเรื่อง"
        choices={COMPLAINT_TYPES}
        value={form.type}
        onPick={(type) => update({ type })}
        error={errors.type}
        errorId="type-error"
        note={
          form.type === 'corruption' && (
            <p class="muted small">เรื่องทุจริตและประพฤติมิชอบแยกเป็นช่องทางเฉพาะ และได้รับการคุ้มครองผู้แจ้ง</p>
          )
        }
      >
        {(type) => <span>{COMPLAINT_TYPE_LABELS[type]}</span>}
      </RadioChoices>
      <AgencyPicker value={form.agency} onChange={(agency) => update({ agency })} error={errors.agency} />
    </div>
  );
}

export function StoryStep({ form, errors, update }: StepProps) {
  const length = form.description.trim().length;
  return (
    <div>
      <label class="field">
        เกิดอะไรขึ้น เล่าให้ละเอียดที่สุดเท่าที่ทำได้
        <textarea
          value={form.description}
          maxLength={INTAKE_RULES.descriptionMax + 500}
          aria-invalid={errors.description !== undefined}
          aria-describedby="description-help description-error"
          onInput={(e) => update({ description: e.currentTarget.value })}
        />
      </label>
      <span id="description-help" class="muted small">
        {length.toLocaleString('en-US')} / {INTAKE_RULES.descriptionMax.toLocaleString('en-US')} ตัวอักษร
        (อย่างน้อย {INTAKE_RULES.descriptionMin})
      </span>
      <FieldError id="description-error" message={errors.description} />
    </div>
  );
}

type Locating = 'idle' | 'busy' | 'denied' | 'failed';

export function WhenWhereStep(step: StepProps) {
  const { form, update } = step;
  const [locating, setLocating] = useState<Locating>('idle');
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;
  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating('idle');
        update({ location: { lat: p.coords.latitude, lng: p.coords.longitude } });
      },
      (e) => setLocating(e.code === e.PERMISSION_DENIED ? 'denied' : 'failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  return (
    <div>
      <TextField {...step} field="occurredAt" label="เกิดขึ้นเมื่อใด" placeholder="เช่น 3 มี.ค. 2568 ช่วงบ่าย" />
      <TextField {...step} field="place" label="เกิดขึ้นที่ใด" placeholder="เช่น ห้องทะเบียน ที่ว่าการอำเภอ" />
      {canLocate && (
        <div class="row">
          <button type="button" class="secondary" disabled={locating === 'busy'} onClick={locate}>
            {locating === 'busy' ? 'กำลังหาตำแหน่ง…' : 'ใช้ตำแหน่งปัจจุบันของฉัน'}
          </button>
          {form.location !== null && (
            <button type="button" class="secondary" onClick={() => update({ location: null })}>
              ไม่แนบตำแหน่ง
            </button>
          )}
        </div>
      )}
      {form.location !== null && (
        <p class="small">
          แนบตำแหน่งแล้ว: {form.location.lat.toFixed(5)}, {form.location.lng.toFixed(5)}
        </p>
      )}
      {locating === 'denied' && (
        <p class="muted small" role="status">
          ท่านไม่ได้อนุญาตให้ใช้ตำแหน่ง พิมพ์สถานที่ไว้ด้านบนแทนได้
        </p>
      )}
      {locating === 'failed' && (
        <p class="muted small" role="status">
          หาตำแหน่งไม่สำเร็จ พิมพ์สถานที่ไว้ด้านบนแทนได้
        </p>
      )}
    </div>
  );
}
