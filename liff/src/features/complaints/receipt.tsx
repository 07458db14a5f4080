// The receipt after filing: the tracking code big and copyable, the time filed (Buddhist era), what happens next.
import { useState } from 'preact/hooks';
import type { IdentityMode } from '../../../../core/complaints/intake-rules.ts';
import { navigate } from '../../lib/router.ts';

const NEXT: Record<IdentityMode, string> = {
  named: 'เจ้าหน้าที่อาจติดต่อท่านตามเบอร์ที่ให้ไว้ และระบบจะแจ้งความคืบหน้าทาง LINE',
  anonymous_updates: 'ระบบจะแจ้งความคืบหน้าทาง LINE โดยหน่วยงานไม่เห็นชื่อของท่าน',
  code_only: 'ระบบไม่ได้เชื่อมเรื่องนี้กับบัญชี LINE ของท่าน โปรดจดหรือคัดลอกรหัสนี้เก็บไว้ เพราะเป็นทางเดียวที่จะติดตามเรื่อง',
};

/** Copies with the Clipboard API; where the webview refuses, selects the code so the person can copy it. */
function CopyCode({ code }: { code: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'select'>('no');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      const node = document.getElementById('tracking-code');
      const range = document.createRange();
      if (node !== null) range.selectNodeContents(node);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      setCopied('select');
    }
  };
  return (
    <div class="complaint-code-box">
      <p id="tracking-code" class="complaint-code">
        {code}
      </p>
      <button type="button" onClick={copy}>
        คัดลอกรหัส
      </button>
      <span role="status" class="small">
        {copied === 'yes' ? 'คัดลอกแล้ว' : copied === 'select' ? 'เลือกรหัสไว้แล้ว กดค้างเพื่อคัดลอก' : ''}
      </span>
    </div>
  );
}

interface Props {
  trackingCode: string;
  /** When it was filed, as the API words it: '3 มีนาคม 2568 14:00 น.'. */
  createdAtLabel: string;
  identityMode: IdentityMode;
  onAnother(): void;
}

export function ComplaintReceipt({ trackingCode, createdAtLabel, identityMode, onAnother }: Props) {
  return (
    <section class="card complaint-receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">ได้รับเรื่องของท่านแล้ว</h2>
      <p>รหัสติดตามเรื่องของท่าน</p>
      <CopyCode code={trackingCode} />
      <p class="muted">แจ้งเมื่อ {createdAtLabel}</p>
      <p>{NEXT[identityMode]}</p>
      <div class="row">
        <button type="button" onClick={() => navigate(`complaints/track#${trackingCode}`)}>
          ดูสถานะเรื่องนี้
        </button>
        <button type="button" class="secondary" onClick={onAnother}>
          แจ้งเรื่องใหม่
        </button>
      </div>
    </section>
  );
}
