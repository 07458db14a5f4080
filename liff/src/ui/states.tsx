// Loading, empty and error states: same footprint as content (no jump), and errors say what to do next.
import type { ComponentChildren } from 'preact';
import type { ApiError } from '../lib/api.ts';
import type { ActionMessage } from '../lib/use-load.ts';

export function Loading({ lines = 4 }: { lines?: number }) {
  return (
    <div class="card skeleton" role="status" aria-live="polite">
      <span class="sr-only">กำลังโหลดข้อมูล…</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} class="skeleton-line" style={{ width: `${90 - i * 12}%` }} />
      ))}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="card empty">{children}</div>;
}

interface ErrorProps {
  message: string;
  onRetry?: () => void;
  retryLabel?: string;
}

export function ErrorState({ message, onRetry, retryLabel = 'ลองอีกครั้ง' }: ErrorProps) {
  return (
    <div class="card error-state" role="alert">
      <p>{message}</p>
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

/** What the person can do about each kind of API error: sign in again, ask for a role, retry. */
export function ApiErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (error.status === 401) {
    return (
      <ErrorState
        message={`${error.message} — กดปุ่มด้านล่างเพื่อเข้าสู่ระบบใหม่`}
        onRetry={() => location.reload()}
        retryLabel="เข้าสู่ระบบใหม่"
      />
    );
  }
  if (error.status === 403) {
    return (
      <div class="card refusal" role="alert">
        <p>ขออภัย {error.message}</p>
        <p class="muted">หากท่านควรมีสิทธิ์นี้ โปรดติดต่อผู้ประสานงาน ITA ของจังหวัด</p>
        <a class="button secondary" href="/liff/">
          กลับหน้าหลัก
        </a>
      </div>
    );
  }
  if (error.status === 404) {
    return (
      <div class="card error-state" role="alert">
        <p>{error.message}</p>
        <a class="button secondary" href="/liff/">
          กลับหน้าภาพรวมจังหวัด
        </a>
      </div>
    );
  }
  return <ErrorState message={error.message} onRetry={onRetry} />;
}

/** What the last button did, or what went wrong (useAction's message). */
export function ActionOutcome({ message }: { message: ActionMessage | undefined }) {
  if (message === undefined) return null;
  return (
    <p class={message.error ? 'weak' : 'muted'} role="status">
      {message.text}
    </p>
  );
}
