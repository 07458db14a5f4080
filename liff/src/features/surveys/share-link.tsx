// A survey's short link with its QR code and a share button (share target picker, else copy the link).
import type { Liff } from '@line/liff';
import { useState } from 'preact/hooks';
import { canPickTargets, type ShareOutcome, shareLink } from '../../lib/share.ts';

interface Props {
  url: string;
  qrUrl: string | null;
  /** The text sent with the link ("ชวนตอบแบบวัด EIT ของ…"). */
  message: string;
  liff: Pick<Liff, 'isApiAvailable' | 'shareTargetPicker'> | undefined;
  label: string;
}

const SAID: Record<ShareOutcome, string> = {
  shared: 'ส่งลิงก์แล้ว',
  copied: 'คัดลอกลิงก์แล้ว นำไปวางในแชตได้เลย',
  cancelled: 'ยกเลิกการส่ง',
  failed: 'คัดลอกไม่สำเร็จ โปรดกดค้างที่ลิงก์เพื่อคัดลอกเอง',
};

/**
 * The QR image from this same app: the /qr route is served wherever the page is, while the public base URL in
 * the answer may not resolve from here (local mode's https://ita-line.local). The code inside stays public.
 */
function sameOriginPath(url: string): string {
  try {
    const parsed = new URL(url, location.href);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

export function ShareLink({ url, qrUrl, message, liff, label }: Props) {
  const [said, setSaid] = useState<ShareOutcome | undefined>(undefined);
  const picker = canPickTargets(liff);
  return (
    <div class="share">
      {qrUrl !== null && (
        <a href={sameOriginPath(qrUrl)} target="_blank" rel="noreferrer" class="qr">
          <img
            src={sameOriginPath(qrUrl)}
            width={96}
            height={96}
            alt={`คิวอาร์โค้ดของลิงก์${label}`}
            loading="lazy"
          />
        </a>
      )}
      <div class="share-text">
        <a href={url} class="short-url" target="_blank" rel="noreferrer">
          {url}
        </a>
        <button
          type="button"
          class="secondary"
          onClick={async () => setSaid(await shareLink(liff, message, url))}
        >
          {picker ? 'ส่งต่อใน LINE' : 'คัดลอกลิงก์'}
        </button>
        <span class="small" role="status">
          {said === undefined ? '' : SAID[said]}
        </span>
      </div>
    </div>
  );
}
