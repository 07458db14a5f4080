// Complaint statistics for the OIT (issue 5 §4) in LIFF: an agency or the whole province, a fiscal year and a
// period; no personal data, small counts suppressed by the server.
import { useState } from 'preact/hooks';
import {
  isReportPeriod,
  REPORT_PERIOD_LABELS,
  REPORT_PERIODS,
  type ReportPeriod,
} from '../../../../core/complaints/periods.ts';
import { fiscalYearOf } from '../../../../core/thai/era.ts';
import { ComplaintStatsView } from './stats-view.tsx';
import '../complaints/complaint-styles.css';
import { ok } from '../../lib/api.ts';
import { saveFile } from '../../lib/save-file.ts';
import { useSession } from '../../lib/session.ts';
import { useAction, useLoad } from '../../lib/use-load.ts';
import { useYearParam } from '../../lib/use-year-param.ts';
import { ActionOutcome, ApiErrorState, Loading } from '../../ui/states.tsx';

const YEARS_BACK = 4;
const PROVINCE = '';

export function CaseStatsPage() {
  const { api, me } = useSession();
  const thisYear = fiscalYearOf(new Date());
  // Province-wide officers and coordinators start on the whole province; an agency's officer on their agency.
  const provinceWide = me.isCoordinator || me.officerAgencyIds.some((id) => id === null);
  const own = me.officerAgencyIds.find((id): id is string => id !== null);
  const [agencyId, setAgencyId] = useState(provinceWide ? PROVINCE : (own ?? PROVINCE));
  const [urlYear, setYear] = useYearParam();
  const year = urlYear ?? thisYear;
  const [period, setPeriod] = useState<ReportPeriod>('year');
  const agencies = useLoad(() => ok(api.complaints.agencies.$get({ query: {} })), []);
  const choosable = provinceWide
    ? (agencies.data?.agencies ?? [])
    : (agencies.data?.agencies ?? []).filter((a) => me.officerAgencyIds.includes(a.id));
  const loaded = useLoad(
    () =>
      ok(
        api.cases.stats.$get({
          query: { year: String(year), period, ...(agencyId === PROVINCE ? {} : { agencyId }) },
        }),
      ),
    [agencyId, year, period],
  );
  const { busy, message, act } = useAction();
  // The same statistics as a Word file or an A4 page, to attach to the OIT (same query as the table).
  const download = (format: 'docx' | 'html') =>
    act(async () => {
      const res = await api.cases.stats.download.$get({
        query: {
          year: String(year),
          period,
          format,
          digits: 'arabic',
          ...(agencyId === PROVINCE ? {} : { agencyId }),
        },
      });
      await saveFile(res, `ita-complaints.${format}`);
      return 'ดาวน์โหลดรายงานแล้ว';
    });
  // The OIT item's table: corruption complaints only, exact counts, for the first half or the whole year.
  const downloadOit = (format: 'docx' | 'xlsx' | 'csv' | 'html') =>
    act(async () => {
      const res = await api.cases.stats.oit.$get({
        query: {
          year: String(year),
          period: period === 'year' ? 'year' : 'h1',
          format,
          digits: 'arabic',
          ...(agencyId === PROVINCE ? {} : { agencyId }),
        },
      });
      await saveFile(res, `oit-complaints.${format}`);
      return 'ดาวน์โหลดข้อมูลสถิติสำหรับ OIT แล้ว';
    });
  return (
    <div>
      <div class="card row complaint-filters">
        <label class="field">
          หน่วยงาน
          <select value={agencyId} onChange={(e) => setAgencyId(e.currentTarget.value)}>
            {provinceWide && <option value={PROVINCE}>ทั้งจังหวัด</option>}
            {choosable.map((a) => (
              <option key={a.id} value={a.id}>
                {a.nameTh}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          ปีงบประมาณ
          <select value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                พ.ศ. {y}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          ช่วงเวลา
          <select
            value={period}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isReportPeriod(value)) setPeriod(value);
            }}
          >
            {REPORT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {REPORT_PERIOD_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {loaded.status === 'loading' ? (
        <Loading lines={8} />
      ) : loaded.status === 'error' ? (
        <ApiErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <section class="card" aria-live="polite">
          <p class="lead">
            {loaded.data.scope.name} · ปีงบประมาณ พ.ศ. {loaded.data.stats.fiscalYear} ·{' '}
            {REPORT_PERIOD_LABELS[loaded.data.stats.period]}
          </p>
          <ComplaintStatsView stats={loaded.data.stats} />
          <div class="row no-print">
            <button type="button" disabled={busy} onClick={() => download('docx')}>
              ดาวน์โหลด Word (.docx)
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => download('html')}>
              ดาวน์โหลด HTML
            </button>
          </div>
          <h3>สำหรับเผยแพร่ใน OIT (เฉพาะเรื่องทุจริตและประพฤติมิชอบ แสดงจำนวนจริง)</h3>
          <p class="muted small">
            {period === 'year' ? 'ทั้งปีงบประมาณ' : 'รอบ 6 เดือนแรก'} รายเดือน พร้อมรวมรายไตรมาสและครึ่งปี
          </p>
          <div class="row no-print">
            <button type="button" disabled={busy} onClick={() => downloadOit('docx')}>
              OIT: Word (.docx)
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => downloadOit('xlsx')}>
              OIT: Excel (.xlsx)
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => downloadOit('csv')}>
              OIT: CSV
            </button>
          </div>
          <ActionOutcome message={message} />
        </section>
      )}
    </div>
  );
}
