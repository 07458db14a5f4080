// After a complaint is closed: the reporter rates the handling 1–5 (then gets the agency's EIT link) or asks,
// once, for it to be looked at again with a reason. Both go by tracking code, as "code only" reporters have no other key.
import { useState } from 'preact/hooks';
import { ok } from '../../lib/api.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError } from '../../lib/use-load.ts';
import { FieldError } from './steps.tsx';

const STARS = [1, 2, 3, 4, 5] as const;
const RATING_WORDS = ['', 'ไม่พอใจมาก', 'ไม่พอใจ', 'พอใช้', 'พอใจ', 'พอใจมาก'];

interface Props {
  code: string;
  /** Called after a reopen: the status changed, so the page reloads it. */
  onReopened(): void;
}

export function ComplaintFeedback({ code, onReopened }: Props) {
  const { api } = useSession();
  const [rating, setRating] = useState<number>();
  const [rated, setRated] = useState<{ eit: { agencyName: string; url: string } | null }>();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ where: 'rate' | 'reopen'; message: string }>();
  const [busy, setBusy] = useState(false);

  const rate = async () => {
    if (rating === undefined) return setProblem({ where: 'rate', message: 'โปรดเลือกคะแนน 1–5' });
    setBusy(true);
    try {
      const answer = await ok(api.cases.track[':code'].rate.$post({ param: { code }, json: { rating } }));
      setRated({ eit: answer.eit });
      setProblem(undefined);
    } catch (error) {
      setProblem({ where: 'rate', message: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  };
  const reopen = async () => {
    if (reason.trim() === '')
      return setProblem({
        where: 'reopen',
        message: 'โปรดบอกเหตุผลที่ขอให้พิจารณาอีกครั้ง',
      });
    setBusy(true);
    try {
      await ok(api.cases.track[':code'].reopen.$post({ param: { code }, json: { reason: reason.trim() } }));
      setProblem(undefined);
      onReopened();
    } catch (error) {
      setProblem({ where: 'reopen', message: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <section class="card" aria-labelledby="rate-title">
        <h2 id="rate-title">ความพึงพอใจต่อการจัดการเรื่องนี้</h2>
        {rated !== undefined ? (
          <div role="status">
            <p>ขอบคุณที่ให้คะแนน</p>
            {rated.eit !== null && (
              <p>
                ร่วมประเมินคุณธรรมและความโปร่งใสของ{rated.eit.agencyName} (แบบ EIT):{' '}
                <a href={rated.eit.url} target="_blank" rel="noopener">
                  ทำแบบประเมิน
                </a>
              </p>
            )}
          </div>
        ) : (
          <fieldset class="complaint-fieldset">
            <legend>ให้คะแนน 1–5</legend>
            <div class="row complaint-stars">
              {STARS.map((n) => (
                <button
                  key={n}
                  type="button"
                  class={rating === n ? '' : 'secondary'}
                  aria-pressed={rating === n}
                  aria-label={`${n} คะแนน ${RATING_WORDS[n] ?? ''}`}
                  onClick={() => setRating(n)}
                >
                  {n}
                </button>
              ))}
            </div>
            {rating !== undefined && <p class="small">{RATING_WORDS[rating]}</p>}
            <button type="button" disabled={busy} onClick={rate}>
              ส่งคะแนน
            </button>
            <FieldError id="rate-error" message={problem?.where === 'rate' ? problem.message : undefined} />
          </fieldset>
        )}
      </section>
      <section class="card" aria-labelledby="reopen-title">
        <h2 id="reopen-title">ยังไม่พอใจผลการดำเนินการ</h2>
        <p class="muted small">ขอให้หน่วยงานพิจารณาอีกครั้งได้ 1 ครั้ง พร้อมเหตุผล</p>
        <label class="field">
          เหตุผลที่ขอให้พิจารณาอีกครั้ง
          <textarea
            class="complaint-short"
            value={reason}
            aria-describedby="reopen-error"
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </label>
        <button type="button" class="secondary" disabled={busy} onClick={reopen}>
          ขอให้พิจารณาอีกครั้ง
        </button>
        <FieldError id="reopen-error" message={problem?.where === 'reopen' ? problem.message : undefined} />
      </section>
    </div>
  );
}
