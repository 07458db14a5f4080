// A case's photos: fetched with the officer's sign-in (an <img src> cannot send it) and shown from object URLs.
import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../../lib/session.ts';
import type { CaseDetail } from '../complaints/types.ts';

type Shown = { id: number; url: string } | { id: number; failed: true };

export function CasePhotos({ caseId, photos }: { caseId: string; photos: CaseDetail['photos'] }) {
  const { api } = useSession();
  const [shown, setShown] = useState<Shown[]>([]);
  useEffect(() => {
    let alive = true;
    const urls: string[] = [];
    Promise.all(
      photos.map(async (p): Promise<Shown> => {
        try {
          const response = await api.cases[':id'].photos[':photoId'].$get({
            param: { id: caseId, photoId: String(p.id) },
          });
          if (!response.ok) return { id: p.id, failed: true };
          const url = URL.createObjectURL(await response.blob());
          urls.push(url);
          return { id: p.id, url };
        } catch {
          return { id: p.id, failed: true };
        }
      }),
    ).then((list) => alive && setShown(list));
    return () => {
      alive = false;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [api, caseId, photos]);
  if (photos.length === 0) return <p class="muted">ไม่มีรูปภาพประกอบ</p>;
  return (
    <div class="complaint-case-photos" aria-busy={shown.length === 0}>
      {photos.map((p, i) => {
        const s = shown.find((x) => x.id === p.id);
        if (s !== undefined && 'failed' in s)
          return (
            <p key={p.id} class="muted small">
              โหลดรูปที่ {i + 1} ไม่สำเร็จ
            </p>
          );
        return s === undefined ? (
          <div key={p.id} class="skeleton-line complaint-photo-wait" />
        ) : (
          <a key={p.id} href={s.url} target="_blank" rel="noopener">
            <img src={s.url} alt={`รูปประกอบที่ ${i + 1} จากผู้ร้อง`} />
          </a>
        );
      })}
    </div>
  );
}
