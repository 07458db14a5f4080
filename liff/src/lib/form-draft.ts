// A form's unfinished answers in sessionStorage, so a LIFF reload (LINE reloads the page on a chat switch or a
// deep link) does not throw them away: versioned, checked on read, written a moment after the last change.
import { useEffect, useRef } from 'preact/hooks';

/** Bump when a stored shape changes: older drafts are then ignored rather than misread. */
export const DRAFT_VERSION = 1;
const WRITE_DELAY_MS = 300;

/** One key per form and signed-in person: local mode's identity switcher shares one browser between people. */
export function draftKeyOf(form: string, userId: string): string {
  return `ita-draft:${form}:${userId}`;
}

/** Arrays pass too; the fields checked next turn them away. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Writes, or drops the entry when undefined. */
function store(key: string, stored: string | undefined): void {
  try {
    if (stored === undefined) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, stored);
  } catch {
    // Full, or blocked (some in-app browsers): the form works on, it is only not kept.
  }
}

/** The stored draft as `parse` accepts it; undefined when missing, of another version, or malformed. */
export function readDraft<T>(key: string, parse: (data: unknown) => T | undefined): T | undefined {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    return isRecord(stored) && stored.v === DRAFT_VERSION ? parse(stored.data) : undefined;
  } catch {
    return undefined; // not JSON, or storage blocked: the form starts empty
  }
}

export function clearDraft(key: string): void {
  store(key, undefined);
}

/**
 * Keeps the stored draft in step with `data` (undefined: nothing worth keeping, so the entry is dropped): written
 * 300 ms after the last change, and at once when the page is hidden or the form leaves the screen.
 */
export function useDraftWriter(key: string, data: unknown): void {
  const stored = data === undefined ? undefined : JSON.stringify({ v: DRAFT_VERSION, data });
  const flush = useRef<() => void>(() => undefined);
  flush.current = () => store(key, stored);

  useEffect(() => {
    const timer = setTimeout(() => flush.current(), WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [stored]);

  useEffect(() => {
    // LINE hides the page before it reloads it (visibilitychange fires on unload too): write what is pending.
    const onHidden = () => document.hidden && flush.current();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      flush.current();
    };
  }, []);
}
