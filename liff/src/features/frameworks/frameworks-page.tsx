// The fiscal years' frameworks (coordinator, issue 15): each year's status — confirmed, from agencies' pages, or
// assumed from the latest known year — and the import of a year's framework file (JSON, as `ita framework show
// YEAR --json` writes it), checked first and then saved, so a province enters the NACC's manual the week it appears.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError, useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, ErrorState, Loading } from '../../ui/states.tsx';

interface YearSummary {
  year: number;
  id: string;
  source: string | null;
  imported: boolean;
  confirmed: boolean;
  notice: string | null;
  items: number;
  complaintStatsItem: string | null;
}

interface Checked {
  ok: true;
  stored: boolean;
  year: number;
  id: string;
  items: number;
  unconfirmedItems: number;
  levels: string[];
  complaintStatsItem: string | null;
  replaces: string | null;
  notice: string | null;
}

export function FrameworksPage() {
  const { api } = useSession();
  const list = useLoad(
    async () => (await ok(api.frameworks.$get())) as { currentYear: number; years: YearSummary[] },
    [],
  );
  const [file, setFile] = useState<{ name: string; content: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked | undefined>(undefined);
  const [errors, setErrors] = useState<string[] | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const onFile = async (event: Event) => {
    const picked = (event.currentTarget as HTMLInputElement).files?.[0];
    if (picked === undefined) return;
    setFile({ name: picked.name, content: await picked.text() });
    setChecked(undefined);
    setErrors(undefined);
  };

  const run = async (apply: boolean) => {
    if (file === undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const res = await api.frameworks.import.$post({ json: { content: file.content, apply } });
      const body = (await res.json()) as unknown;
      if (res.ok) {
        setChecked(body as Checked);
        setErrors(undefined);
        if (apply) list.reload();
      } else {
        const b = body as { errors?: string[]; message?: string };
        setErrors(b.errors ?? [b.message ?? 'นำเข้าไม่ได้']);
        setChecked(undefined);
      }
    } catch (error) {
      setFailure(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p class="lead">
        กรอบการประเมินของแต่ละปีงบประมาณ (แบบวัด ตัวชี้วัด น้ำหนัก ข้อคำถาม และเกณฑ์ระดับ) เมื่อสำนักงาน ป.ป.ช.
        ประกาศคู่มือของปีใหม่ ท่านนำเข้าไฟล์กรอบของปีนั้นได้ที่นี่ ระบบจะใช้กรอบใหม่ทันที
      </p>
      {list.status === 'loading' && <Loading lines={4} />}
      {list.status === 'error' && <ApiErrorState error={list.error} onRetry={list.reload} />}
      {list.status === 'ok' && (
        <ul class="card" data-testid="framework-years">
          {list.data.years.map((y) => (
            <li key={y.year} data-year={y.year}>
              <strong>ปีงบประมาณ {y.year}</strong> {y.id}
              {y.imported ? ' (นำเข้าโดยผู้ประสานงาน)' : ''} —{' '}
              {y.confirmed ? 'ยืนยันแล้ว' : <span class="warn">{y.notice}</span>}
              {y.complaintStatsItem === null
                ? ''
                : ` · สถิติเรื่องร้องเรียน: ข้อ ${y.complaintStatsItem.toUpperCase()}`}
            </li>
          ))}
        </ul>
      )}
      <div class="card">
        <div class="row">
          <label class="button secondary">
            เลือกไฟล์กรอบการประเมิน (.json)…
            <input id="framework-file" type="file" accept=".json,application/json" hidden onChange={onFile} />
          </label>
          <span class="muted small">{file?.name ?? 'ยังไม่ได้เลือกไฟล์'}</span>
        </div>
        <div class="row">
          <button
            id="framework-check"
            type="button"
            class="secondary"
            disabled={busy || file === undefined}
            onClick={() => run(false)}
          >
            ตรวจสอบก่อน
          </button>
          <button
            id="framework-apply"
            type="button"
            disabled={busy || file === undefined || checked === undefined || checked.stored}
            onClick={() => run(true)}
          >
            {busy ? 'กำลังบันทึก…' : 'บันทึกกรอบการประเมิน'}
          </button>
        </div>
      </div>
      {failure !== undefined && <ErrorState message={failure} />}
      {errors !== undefined && (
        <div class="card" role="alert">
          <p>ไฟล์นี้ยังใช้ไม่ได้ ยังไม่ได้บันทึก: แก้ไขรายการต่อไปนี้แล้วลองอีกครั้ง</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {checked !== undefined && (
        <div class="card" role="status">
          <p>
            {checked.stored ? 'บันทึกแล้ว ใช้ตั้งแต่ตอนนี้: ' : 'ตรวจแล้วไม่พบข้อผิดพลาด (ยังไม่ได้บันทึก): '}
            กรอบ {checked.id} ปีงบประมาณ {checked.year} จำนวน {checked.items} ข้อ
            {checked.unconfirmedItems > 0 ? ` (ยังไม่ยืนยัน ${checked.unconfirmedItems} ข้อ)` : ''}
            {checked.replaces === null ? '' : ` ใช้แทน ${checked.replaces}`}
          </p>
          <p class="small">ระดับผลการประเมิน: {checked.levels.join(' · ')}</p>
          {checked.notice !== null && <p class="small warn">{checked.notice}</p>}
        </div>
      )}
    </div>
  );
}
