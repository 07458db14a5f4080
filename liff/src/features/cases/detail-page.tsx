// One case for a complaint officer: text, place, photos, deadlines, who holds it, the full history, the reporter's
// identity behind a step (only to officers of the agency; each look is audited) and the actions for its status.
import { useState } from 'preact/hooks';
import { IDENTITY_MODE_LABELS, isIdentityMode } from '../../../../core/complaints/intake-rules.ts';
import { formatThaiPhone } from '../../../../core/complaints/phone.ts';
import { ComplaintHistory, StatusBadge } from '../complaints/status.tsx';
import { CaseActions } from './case-actions.tsx';
import { CasePhotos } from './case-photos.tsx';
import { DeadlineList } from './deadlines.tsx';
import '../complaints/complaint-styles.css';
import { ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { useBusy, useLoad } from '../../lib/use-load.ts';
import type { PageProps } from '../../ui/lazy-page.tsx';
import { ApiErrorState, Loading } from '../../ui/states.tsx';
import { SummaryRow } from '../../ui/summary-row.tsx';
import type { CaseDetail } from '../complaints/types.ts';

export function CaseDetailPage({ params }: PageProps) {
  const { api } = useSession();
  const id = params.id ?? '';
  const [notice, setNotice] = useState<string>();
  const loaded = useLoad(() => ok(api.cases[':id'].$get({ param: { id } })), [id]);
  if (loaded.status === 'loading') return <Loading lines={8} />;
  if (loaded.status === 'error') return <ApiErrorState error={loaded.error} onRetry={loaded.reload} />;
  const c = loaded.data;
  return (
    <div>
      <p>
        <a href={hrefOf('cases')}>← กลับไปรายการเรื่อง</a>
      </p>
      <section class="card" aria-labelledby="case-title">
        <h2 id="case-title" class="complaint-status-line">
          <span class="complaint-code-small">{c.trackingCode}</span>
          <StatusBadge status={c.status} label={c.statusLabel} />
        </h2>
        <p>
          {c.typeLabel} · แจ้งเมื่อ {c.createdAtLabel}
        </p>
        <DeadlineList deadlines={c.deadlines} />
        {c.holder !== null && (
          <p class="case-holder">
            ผู้รับผิดชอบ: <strong>{c.holder.isYou ? `ท่าน (${c.holder.name})` : c.holder.name}</strong>
          </p>
        )}
      </section>
      <Identity caseId={c.id} identity={c.identity} />
      <section class="card" aria-labelledby="story-title">
        <h2 id="story-title">รายละเอียดเรื่อง</h2>
        <p class="complaint-text">{c.description}</p>
        <dl class="complaint-summary">
          <SummaryRow term="เกิดขึ้นเมื่อ">{c.occurredAt ?? 'ไม่ระบุ'}</SummaryRow>
          <SummaryRow term="สถานที่">{c.place ?? 'ไม่ระบุ'}</SummaryRow>
          {c.lat !== null && c.lng !== null && (
            <SummaryRow term="ตำแหน่ง">
              <a href={`https://www.google.com/maps?q=${c.lat},${c.lng}`} target="_blank" rel="noopener">
                เปิดแผนที่ ({c.lat.toFixed(5)}, {c.lng.toFixed(5)})
              </a>
            </SummaryRow>
          )}
          {c.referredTo !== null && <SummaryRow term="ส่งต่อให้">{c.referredTo}</SummaryRow>}
          {c.result !== null && (
            <SummaryRow
              term={c.status === 'rejected' ? 'เหตุผล' : 'ผลการดำเนินการ'}
              valueClass="complaint-text"
            >
              {c.result}
            </SummaryRow>
          )}
          {c.rating !== null && <SummaryRow term="ความพึงพอใจ">{c.rating} จาก 5</SummaryRow>}
          {c.reopenedCount > 0 && <SummaryRow term="ขอพิจารณาใหม่">{c.reopenedCount} ครั้ง</SummaryRow>}
        </dl>
        <h3>รูปภาพ</h3>
        <CasePhotos caseId={c.id} photos={c.photos} />
      </section>
      <section class="card" aria-labelledby="actions-title">
        <h2 id="actions-title">ดำเนินการ</h2>
        {notice !== undefined && (
          <p role="status" class="up">
            {notice}
          </p>
        )}
        <CaseActions
          caseId={c.id}
          actions={c.actions}
          onDone={(message) => {
            setNotice(message);
            loaded.reload();
          }}
        />
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">ประวัติการดำเนินการ</h2>
        <ComplaintHistory items={c.history.map((e) => ({ ...e, internal: !e.isPublic }))} />
      </section>
    </div>
  );
}

type Revealed = { name: string | null; phone: string | null };

/**
 * The reporter: the identity choice at once; a named reporter's name and phone only after
 * "แสดงข้อมูลผู้ร้องเรียน" (the API records that read), kept for this view so it is asked for once.
 */
function Identity({ caseId, identity }: { caseId: string; identity: CaseDetail['identity'] }) {
  const { api } = useSession();
  const [shown, setShown] = useState<Revealed>();
  const { busy, problem, run } = useBusy();
  const mode = isIdentityMode(identity.mode) ? IDENTITY_MODE_LABELS[identity.mode] : identity.mode;
  const reveal = () =>
    run(async () => setShown(await ok(api.cases[':id'].identity.$post({ param: { id: caseId } }))));
  return (
    <section class="card complaint-identity" aria-labelledby="identity-title">
      <h2 id="identity-title">ผู้ร้องเรียน</h2>
      <p>{mode}</p>
      {!identity.revealable ? (
        <p class="small muted">ผู้ร้องเลือกไม่เปิดเผยตัวตน ระบบไม่มีชื่อหรือเบอร์โทรศัพท์ของผู้ร้อง</p>
      ) : shown === undefined ? (
        <>
          <p class="small">
            ชื่อและเบอร์โทรศัพท์ของผู้ร้องซ่อนไว้ การกดดูจะถูกบันทึกในบันทึกการตรวจสอบ (ผู้ดูและเวลา)
            โปรดเปิดดูเมื่อจำเป็นต้องติดต่อผู้ร้องเท่านั้น
          </p>
          <button type="button" class="secondary" disabled={busy} onClick={reveal}>
            {busy ? 'กำลังเปิด…' : 'แสดงข้อมูลผู้ร้องเรียน'}
          </button>
          {problem !== undefined && (
            <p role="alert" class="weak">
              {problem}
            </p>
          )}
        </>
      ) : (
        <>
          {shown.name !== null && (
            <p>
              ชื่อ: <strong>{shown.name}</strong>
            </p>
          )}
          {shown.phone !== null && (
            <p>
              โทรศัพท์: <a href={`tel:${shown.phone}`}>{formatThaiPhone(shown.phone)}</a>
            </p>
          )}
          <p class="small">
            การเปิดดูข้อมูลผู้ร้องครั้งนี้ถูกบันทึกไว้ในบันทึกการตรวจสอบ (ผู้ดูและเวลา) โปรดใช้เพื่อการดำเนินเรื่องเท่านั้น
            และห้ามเปิดเผยต่อผู้อื่น
          </p>
        </>
      )}
    </section>
  );
}
