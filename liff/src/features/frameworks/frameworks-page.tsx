// The fiscal years' frameworks (coordinator, issue 15): each year's status — confirmed, from agencies' pages, or
// assumed from the latest known year — and the import of a year's framework file (JSON, as `ita framework show
// YEAR --json` writes it), checked first and then saved, so a province enters the NACC's manual the week it appears.
import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Loading } from '../../ui/states.tsx';
import { FileCheck } from '../tools/file-check.tsx';

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
  const send = async (_name: string, content: string, apply: boolean) => {
    const res = await api.frameworks.import.$post({ json: { content, apply } });
    const body = (await res.json()) as unknown;
    if (res.ok) {
      if (apply) list.reload();
      return { result: body as Checked };
    }
    const b = body as { errors?: string[]; message?: string };
    return {
      message: 'ไฟล์นี้ยังใช้ไม่ได้ ยังไม่ได้บันทึก: แก้ไขรายการต่อไปนี้แล้วลองอีกครั้ง',
      problems: b.errors ?? [b.message ?? 'นำเข้าไม่ได้'],
    };
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
      <FileCheck<Checked>
        id="framework"
        pickLabel="เลือกไฟล์กรอบการประเมิน (.json)…"
        accept=".json,application/json"
        read={(file) => file.text()}
        send={send}
        saveLabel="บันทึกกรอบการประเมิน"
        saved={(checked) => checked.stored}
      >
        {(checked) => (
          <>
            <p>
              {checked.stored ? 'บันทึกแล้ว ใช้ตั้งแต่ตอนนี้: ' : 'ตรวจแล้วไม่พบข้อผิดพลาด (ยังไม่ได้บันทึก): '}
              กรอบ {checked.id} ปีงบประมาณ {checked.year} จำนวน {checked.items} ข้อ
              {checked.unconfirmedItems > 0 ? ` (ยังไม่ยืนยัน ${checked.unconfirmedItems} ข้อ)` : ''}
              {checked.replaces === null ? '' : ` ใช้แทน ${checked.replaces}`}
            </p>
            <p class="small">ระดับผลการประเมิน: {checked.levels.join(' · ')}</p>
            {checked.notice !== null && <p class="small warn">{checked.notice}</p>}
          </>
        )}
      </FileCheck>
    </div>
  );
}
