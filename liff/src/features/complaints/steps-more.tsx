// The last steps of the complaint form: photos (downscaled in the browser), how to be known, and the summary.
import { useState } from 'preact/hooks';
import {
  IDENTITY_MODE_LABELS,
  IDENTITY_MODES,
  INTAKE_RULES,
} from '../../../../core/complaints/intake-rules.ts';
import { formatThaiPhone, normalizeThaiPhone } from '../../../../core/complaints/phone.ts';
import { COMPLAINT_TYPE_LABELS } from '../../../../core/complaints/status.ts';
import { SummaryRow } from '../../ui/summary-row.tsx';
import { formatBytes, type PhotoOutcome, preparePhoto } from './photos.ts';
import { FieldError, RadioChoices, type StepProps } from './steps.tsx';

const IDENTITY_HINTS: Record<(typeof IDENTITY_MODES)[number], string> = {
  named: 'เจ้าหน้าที่ติดต่อกลับได้ และท่านได้รับแจ้งความคืบหน้าทาง LINE',
  anonymous_updates: 'หน่วยงานไม่เห็นชื่อของท่าน ระบบแจ้งความคืบหน้าทาง LINE ให้',
  code_only: 'ไม่มีสิ่งใดเชื่อมเรื่องกับบัญชี LINE ของท่าน ต้องจดรหัสติดตามไว้เอง',
};

export function PhotosStep({
  form,
  errors,
  update,
  prepare = preparePhoto,
}: StepProps & { prepare?: (file: File) => Promise<PhotoOutcome> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const room = INTAKE_RULES.maxPhotos - form.photos.length;
  const add = async (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    setProblem(
      chosen.length > room ? `แนบรูปได้ไม่เกิน ${INTAKE_RULES.maxPhotos} รูป จึงรับไว้ ${room} รูปแรก` : undefined,
    );
    setBusy(true);
    const added = [...form.photos];
    for (const file of chosen.slice(0, room)) {
      const outcome = await prepare(file);
      if (outcome.ok) added.push(outcome.photo);
      else setProblem(outcome.message);
    }
    setBusy(false);
    update({ photos: added });
  };
  return (
    <div>
      <p class="muted small">
        แนบได้ไม่เกิน {INTAKE_RULES.maxPhotos} รูป ระบบย่อรูปให้เล็กลงและลบข้อมูลตำแหน่งที่ฝังในรูปก่อนส่ง
      </p>
      <ul class="complaint-photos">
        {form.photos.map((p, i) => (
          <li key={p.preview.slice(-24) + String(i)}>
            <img src={p.preview} alt={`รูปที่ ${i + 1}`} />
            <span class="small">{formatBytes(p.bytes)}</span>
            <button
              type="button"
              class="secondary"
              onClick={() => update({ photos: form.photos.filter((_, j) => j !== i) })}
            >
              ลบรูปที่ {i + 1}
            </button>
          </li>
        ))}
      </ul>
      {room > 0 && (
        <label class="button secondary complaint-file">
          {busy ? 'กำลังย่อรูป…' : form.photos.length === 0 ? 'เลือกรูปภาพ' : 'เพิ่มรูปภาพ'}
          <input
            type="file"
            accept={INTAKE_RULES.photoTypes.join(',')}
            multiple
            class="sr-only"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void add(input.files).then(() => {
                input.value = '';
              });
            }}
          />
        </label>
      )}
      <FieldError id="photos-error" message={problem ?? errors.photos} />
    </div>
  );
}

export function IdentityStep({ form, errors, update }: StepProps) {
  return (
    <div>
      <RadioChoices
        name="identity-mode"
        legend="ท่านต้องการให้หน่วยงานทราบตัวตนหรือไม่"
        choices={IDENTITY_MODES}
        value={form.identityMode}
        onPick={(identityMode) => update({ identityMode })}
        error={errors.identityMode}
        errorId="identityMode-error"
      >
        {(mode) => (
          <span>
            {IDENTITY_MODE_LABELS[mode]}
            <span class="muted small complaint-hint">{IDENTITY_HINTS[mode]}</span>
          </span>
        )}
      </RadioChoices>
      {form.identityMode === 'named' && (
        <div>
          <label class="field">
            ชื่อและนามสกุล
            <input
              type="text"
              autocomplete="name"
              value={form.name}
              aria-invalid={errors.name !== undefined}
              aria-describedby="name-error"
              onInput={(e) => update({ name: e.currentTarget.value })}
            />
          </label>
          <FieldError id="name-error" message={errors.name} />
          <label class="field">
            เบอร์โทรศัพท์
            <input
              type="tel"
              inputMode="tel"
              autocomplete="tel"
              value={form.phone}
              placeholder="เช่น 081-234-5678"
              aria-invalid={errors.phone !== undefined}
              aria-describedby="phone-error"
              onInput={(e) => update({ phone: e.currentTarget.value })}
            />
          </label>
          <FieldError id="phone-error" message={errors.phone} />
        </div>
      )}
    </div>
  );
}

export function SummaryStep({ form }: Pick<StepProps, 'form'>) {
  const phone = normalizeThaiPhone(form.phone);
  const rows: [string, string][] = [
    ['ประเภทเรื่อง', form.type === null ? '-' : COMPLAINT_TYPE_LABELS[form.type]],
    ['หน่วยงาน', form.agency === undefined ? '-' : form.agency === null ? 'ไม่ทราบหน่วยงาน' : form.agency.name],
    ['เกิดขึ้นเมื่อ', form.occurredAt.trim() || 'ไม่ระบุ'],
    ['สถานที่', form.place.trim() || 'ไม่ระบุ'],
    ['ตำแหน่ง', form.location === null ? 'ไม่แนบ' : 'แนบตำแหน่งปัจจุบันแล้ว'],
    ['รูปภาพ', form.photos.length === 0 ? 'ไม่มี' : `${form.photos.length} รูป`],
    ['การระบุตัวตน', form.identityMode === null ? '-' : IDENTITY_MODE_LABELS[form.identityMode]],
  ];
  if (form.identityMode === 'named') {
    rows.push(['ชื่อ', form.name.trim()], ['โทรศัพท์', phone.ok ? formatThaiPhone(phone.value) : form.phone]);
  }
  return (
    <div>
      <dl class="complaint-summary">
        {rows.map(([term, value]) => (
          <SummaryRow key={term} term={term}>
            {value}
          </SummaryRow>
        ))}
      </dl>
      <h2>รายละเอียด</h2>
      <p class="complaint-text">{form.description.trim()}</p>
    </div>
  );
}
