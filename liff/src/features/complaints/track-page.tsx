// Lookup by tracking code: the status and the public history (never identity); rate or reopen once closed.
// The code travels in the URL's #fragment, which browsers never send to a server, so no log ever holds it.
import { useEffect, useState } from 'preact/hooks';
import { ComplaintFeedback } from './feedback.tsx';
import { ComplaintHistory, StatusBadge } from './status.tsx';
import { FieldError } from './steps.tsx';
import type { TrackedComplaint } from './types.ts';
import './complaint-styles.css';
import { type ApiError, ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError } from '../../lib/use-load.ts';
import { ApiErrorState, Loading } from '../../ui/states.tsx';
import { SummaryRow } from '../../ui/summary-row.tsx';

type Lookup =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; complaint: TrackedComplaint }
  | { status: 'error'; error: ApiError };

function codeInHash(): string {
  return decodeURIComponent(location.hash.replace(/^#/, ''));
}

export function ComplaintTrackPage() {
  const { api } = useSession();
  const [typed, setTyped] = useState(codeInHash);
  const [problem, setProblem] = useState<string>();
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });

  // The server reads the code as typed (lower case, Thai digits, no dashes) and says what is wrong with it.
  const find = async (raw: string) => {
    const typedCode = raw.trim();
    if (typedCode === '') {
      setProblem('โปรดพิมพ์รหัสติดตามที่ได้รับตอนแจ้งเรื่อง');
      return;
    }
    setProblem(undefined);
    setLookup({ status: 'loading' });
    try {
      const found = await ok(api.complaints.track[':code'].$get({ param: { code: typedCode } }));
      const code = found.complaint.trackingCode;
      setTyped(code);
      history.replaceState(history.state, '', `#${code}`);
      setLookup({ status: 'ok', complaint: found.complaint });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 400) {
        setProblem(apiError.message);
        setLookup({ status: 'idle' });
      } else setLookup({ status: 'error', error: apiError });
    }
  };
  // The code of a link (#fragment) is looked up once, on arrival.
  useEffect(() => {
    if (typed !== '') void find(typed);
  }, []);

  return (
    <div>
      <form
        class="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void find(typed);
        }}
      >
        <label class="field">
          รหัสติดตามเรื่อง
          <input
            type="text"
            class="complaint-code-input"
            value={typed}
            autocapitalize="characters"
            autocomplete="off"
            spellcheck={false}
            placeholder="เช่น K7QMX-2XPAR-9DRTW"
            aria-invalid={problem !== undefined}
            aria-describedby="code-error"
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
        <FieldError id="code-error" message={problem} />
        <button type="submit" disabled={lookup.status === 'loading'}>
          ตรวจสอบสถานะ
        </button>
      </form>
      {lookup.status === 'loading' && <Loading />}
      {lookup.status === 'error' && <ApiErrorState error={lookup.error} onRetry={() => void find(typed)} />}
      {lookup.status === 'ok' && (
        <TrackedView complaint={lookup.complaint} onChanged={() => void find(typed)} />
      )}
    </div>
  );
}

function TrackedView({ complaint: c, onChanged }: { complaint: TrackedComplaint; onChanged(): void }) {
  return (
    <div>
      <section class="card" aria-labelledby="status-title">
        <h2 id="status-title" class="complaint-status-line">
          สถานะ: <StatusBadge status={c.status} label={c.statusLabel} />
        </h2>
        <dl class="complaint-summary">
          <SummaryRow term="รหัสติดตาม" valueClass="complaint-code-small">
            {c.trackingCode}
          </SummaryRow>
          <SummaryRow term="ประเภท">{c.typeLabel}</SummaryRow>
          <SummaryRow term="หน่วยงาน">{c.agencyName ?? 'ไม่ทราบหน่วยงาน (ศูนย์รับเรื่องของจังหวัดดูแล)'}</SummaryRow>
          <SummaryRow term="แจ้งเมื่อ">{c.createdAtLabel}</SummaryRow>
          {c.referredTo !== null && <SummaryRow term="ส่งต่อให้">{c.referredTo}</SummaryRow>}
        </dl>
        {c.result !== null && (
          <div>
            <h3>{c.status === 'rejected' ? 'เหตุผลที่ไม่รับไว้พิจารณา' : 'ผลการดำเนินการ'}</h3>
            <p class="complaint-text">{c.result}</p>
          </div>
        )}
        <h3>ความเคลื่อนไหว</h3>
        <ComplaintHistory items={c.history} />
      </section>
      {c.status === 'closed' && <ComplaintFeedback code={c.trackingCode} onReopened={onChanged} />}
    </div>
  );
}
