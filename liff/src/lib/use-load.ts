// useLoad: one async read with loading / data / error, keeping the old data while reloading (no layout jump);
// useBusy: a button's work, one at a time, busy meanwhile, saying in Thai what went wrong; useAction: the same,
// saying how it went.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

export type Loaded<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError };

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, `เกิดข้อผิดพลาด: ${String(error)}`);
}

/**
 * `first`: the data already read for these keys (the first page's, read while signing in) — shown at once, without
 * a loading state or a second request; a change of keys or reload() reads anew.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  keys: readonly unknown[],
  first?: T,
): Loaded<T> & { reload(): void } {
  const [state, setState] = useState<Loaded<T>>(() =>
    first === undefined ? { status: 'loading' } : { status: 'ok', data: first },
  );
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const lastKeys = useRef(first === undefined ? '' : JSON.stringify(keys));
  const given = useRef(first !== undefined);
  // `keys` are the caller's dependencies of `load` (as with useEffect's own list).
  useEffect(() => {
    if (given.current) {
      given.current = false;
      return;
    }
    const id = ++latest.current;
    // Another thing to show (not a reload of the same): the old data would mislead, so show loading.
    const keyText = JSON.stringify(keys);
    if (keyText !== lastKeys.current) setState({ status: 'loading' });
    lastKeys.current = keyText;
    load().then(
      (data) => id === latest.current && setState({ status: 'ok', data }),
      (error: unknown) => id === latest.current && setState({ status: 'error', error: toApiError(error) }),
    );
  }, [...keys, round]);
  // One function for the page's life (useMemo rather than useCallback: the bundle carries one hook less).
  const reload = useMemo(() => () => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/** A button's work, one at a time: busy meanwhile, and what went wrong in Thai (cleared when it runs again). */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      // A 400's message already names every wrong field (validate.ts).
      setProblem(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, setProblem, run };
}

/** The outcome of the last action, or what went wrong. */
export type ActionMessage = { text: string; error: boolean };

export function useAction() {
  const { busy, problem, run } = useBusy();
  const [done, setDone] = useState<string | undefined>(undefined);
  /** Runs `work`, which resolves with the Thai message of what it did. */
  const act = (work: () => Promise<string>) =>
    run(async () => {
      setDone(undefined);
      setDone(await work());
    });
  const message: ActionMessage | undefined =
    problem !== undefined
      ? { text: problem, error: true }
      : done === undefined
        ? undefined
        : { text: done, error: false };
  return { busy, message, act };
}
