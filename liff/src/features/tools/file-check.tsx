// A file the server checks before it saves it (the agency list, a year's framework): pick it, "ตรวจสอบก่อน" (a dry
// run that says what would change, or each problem to fix), then save — the one flow both import pages share.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useBusy } from '../../lib/use-load.ts';
import { ErrorState } from '../../ui/states.tsx';

/** A file's bytes as base64, for a JSON body (spreadsheets). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The server's answer: the check's or the save's result, or the file refused with what to fix. */
export type FileAnswer<R> = { result: R } | { message: string; problems: string[] };

interface Props<R> {
  /** Prefix of the controls' ids: `<id>-file`, `<id>-check`, `<id>-apply`. */
  id: string;
  pickLabel: string;
  accept: string;
  /** The picked file as the request carries it (its text, or base64). */
  read(file: File): Promise<string>;
  send(name: string, content: string, apply: boolean): Promise<FileAnswer<R>>;
  saveLabel: string;
  /** True once the result is the save's (nothing more to save). */
  saved(result: R): boolean;
  /** What the check found, or what was saved. */
  children(result: R): ComponentChildren;
}

export function FileCheck<R>({ id, pickLabel, accept, read, send, saveLabel, saved, children }: Props<R>) {
  const [file, setFile] = useState<{ name: string; content: string } | undefined>(undefined);
  const [answer, setAnswer] = useState<FileAnswer<R> | undefined>(undefined);
  const { busy, problem, run } = useBusy();

  const onFile = async (event: Event) => {
    const picked = (event.currentTarget as HTMLInputElement).files?.[0];
    if (picked === undefined) return;
    setFile({ name: picked.name, content: await read(picked) });
    setAnswer(undefined);
  };
  const check = (apply: boolean) =>
    file !== undefined && run(async () => setAnswer(await send(file.name, file.content, apply)));
  const result = answer !== undefined && 'result' in answer ? answer.result : undefined;

  return (
    <>
      <div class="card">
        <div class="row">
          <label class="button secondary">
            {pickLabel}
            <input id={`${id}-file`} type="file" accept={accept} hidden onChange={onFile} />
          </label>
          <span class="muted small">{file?.name ?? 'ยังไม่ได้เลือกไฟล์'}</span>
        </div>
        <div class="row">
          <button
            id={`${id}-check`}
            type="button"
            class="secondary"
            disabled={busy || file === undefined}
            onClick={() => check(false)}
          >
            ตรวจสอบก่อน
          </button>
          <button
            id={`${id}-apply`}
            type="button"
            disabled={busy || file === undefined || result === undefined || saved(result)}
            onClick={() => check(true)}
          >
            {busy ? 'กำลังบันทึก…' : saveLabel}
          </button>
        </div>
      </div>
      {problem !== undefined && <ErrorState message={problem} />}
      {answer !== undefined && 'problems' in answer && (
        <div class="card" role="alert">
          <p>{answer.message}</p>
          <ul>
            {answer.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {result !== undefined && (
        <div class="card" role="status">
          {children(result)}
        </div>
      )}
    </>
  );
}
