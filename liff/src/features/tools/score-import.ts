// Score import through /api/agencies/import: the answer as a value, with errors by line for the form to show.
import { type Api, ApiError, errorOf, issuesOf } from '../../lib/api.ts';
import type { ImportBody, ImportLineError, ImportOk } from '../../lib/api-types.ts';

export type ImportOutcome =
  | { ok: true; result: ImportOk }
  | { ok: false; message: string; errors: ImportLineError[] };

/** "บรรทัด 3 · items.i1: คะแนนต้องอยู่ระหว่าง 0 ถึง 100" — the line first, so people find it in the file. */
export function describeImportError(e: ImportLineError): string {
  const where = [e.line === null ? undefined : `บรรทัด ${e.line}`, e.field ?? undefined]
    .filter(Boolean)
    .join(' · ');
  return where === '' ? e.message : `${where}: ${e.message}`;
}

/** Errors in file order: by line, then those without a line (about the whole file) last. */
function sortImportErrors(errors: readonly ImportLineError[]): ImportLineError[] {
  return [...errors].sort(
    (a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
  );
}

function lineErrorsOf(body: unknown): ImportLineError[] | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors))
    return undefined;
  return body.errors.filter(
    (e): e is ImportLineError =>
      typeof e?.message === 'string' &&
      (e.line === null || typeof e.line === 'number') &&
      (e.field === null || typeof e.field === 'string'),
  );
}

export async function importScores(api: Api, body: ImportBody): Promise<ImportOutcome> {
  const response = await api.agencies.import.$post({ json: body }).catch(() => {
    throw new ApiError(0, 'เชื่อมต่อระบบไม่ได้ โปรดตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง');
  });
  if (response.status === 200) return { ok: true, result: await response.json() };
  if (response.status !== 400) throw await errorOf(response);
  const raw: unknown = await response.json();
  const message =
    typeof raw === 'object' && raw !== null && 'message' in raw && typeof raw.message === 'string'
      ? raw.message
      : 'นำเข้าไม่ได้ ยังไม่ได้บันทึกคะแนนใด ๆ';
  // A 400 from the zod edge names fields (issues) rather than lines: shown the same way, without a line.
  const errors =
    lineErrorsOf(raw) ?? issuesOf(raw).map((i) => ({ line: null, field: i.path, message: i.message }));
  return { ok: false, message, errors: sortImportErrors(errors) };
}
