// Survey progress: IIT and EIT respondents against the minimum per agency, pace, clicks, link, QR and share.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import type { SurveyAgencyData, SurveysData } from '../../lib/api-types.ts';
import type { Session } from '../../lib/liff.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { ApiErrorState, Empty, Loading } from '../../ui/states.tsx';
import { ShareLink } from './share-link.tsx';

type Row = SurveyAgencyData['instruments'][number];

const INSTRUMENT_LABELS: Record<string, string> = {
  IIT: 'IIT (บุคลากรภายใน)',
  EIT: 'EIT (ผู้รับบริการ)',
};

function Progress({ row }: { row: Row }) {
  if (row.target === null) return <p class="muted small">ยังไม่ได้กำหนดเป้าหมาย</p>;
  const percent = row.percent ?? 0;
  return (
    <div>
      <div
        class="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={`ตอบแล้ว ${percent}% ของเป้าหมาย`}
      >
        <span class={row.met ? 'met' : ''} style={{ width: `${percent}%` }} />
      </div>
      <p class="small">
        ตอบแล้ว {row.reported ?? 0} จาก {row.target} คน ({percent}%)
        {row.overflow > 0 && ` · เกินเป้า ${row.overflow} คน`}
        {row.reportedAtLabel !== null && <span class="muted"> · ข้อมูลเมื่อ {row.reportedAtLabel}</span>}
      </p>
      {row.pace !== null && !row.met && (
        <p class={`small ${(row.pace.percent ?? 100) < 100 ? 'weak' : ''}`}>
          ตามอัตราปัจจุบัน (~{row.pace.ratePerDay} คน/วัน) คาดว่าจะได้ {row.pace.projected} คน ภายใน{' '}
          {row.pace.dueLabel}
        </p>
      )}
    </div>
  );
}

function AgencyCard({ agency, session }: { agency: SurveyAgencyData; session: Session }) {
  return (
    <section class="card" aria-label={agency.name}>
      <h2 class="agency-name">{agency.name}</h2>
      {agency.instruments.map((row) => (
        <div key={row.instrument} class="survey-row">
          <h3>{INSTRUMENT_LABELS[row.instrument] ?? row.instrument}</h3>
          <Progress row={row} />
          <p class="small muted">คลิกลิงก์ติดตาม {row.clicks} ครั้ง</p>
          {row.shortUrl !== null && row.url !== null ? (
            <ShareLink
              url={row.shortUrl}
              qrUrl={row.qrPreviewUrl ?? row.qrUrl}
              label={`แบบวัด ${row.instrument} ของ${agency.name}`}
              message={`ขอเชิญตอบแบบวัด ${row.instrument} ของ${agency.name}`}
              liff={session.liff}
            />
          ) : (
            <p class="muted small">ยังไม่มีลิงก์แบบวัด ผู้ประสานงานใส่ลิงก์ได้ที่เมนูเครื่องมือ</p>
          )}
        </div>
      ))}
    </section>
  );
}

export function SurveysPage() {
  const { api, session } = useSession();
  const loaded = useLoad(() => ok(api.surveys.$get({ query: {} })), []);
  if (loaded.status === 'loading') return <Loading lines={8} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  return <SurveysView data={loaded.data} session={session} />;
}

function SurveysView({ data, session }: { data: SurveysData; session: Session }) {
  const [q, setQ] = useState('');
  const shown = data.agencies.filter((a) => `${a.name} ${a.shortName ?? ''}`.includes(q.trim()));
  return (
    <div>
      <p class="lead">
        ปีงบประมาณ พ.ศ. {data.year} · ปิดรับ IIT {data.dueLabels.IIT} · EIT {data.dueLabels.EIT}
      </p>
      {data.agencies.length > 3 && (
        <label class="field">
          ค้นหาหน่วยงาน
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
      )}
      {shown.length === 0 ? (
        <Empty>ไม่พบหน่วยงาน</Empty>
      ) : (
        shown.map((a) => <AgencyCard key={a.agencyId} agency={a} session={session} />)
      )}
    </div>
  );
}
