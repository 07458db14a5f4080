// Import scores (coordinator): a CSV/JSON file or pasted text, checked first, errors shown by line.
import { useState } from 'preact/hooks';
import { formatScore } from '../../../../core/round.ts';
import { fiscalYearOf } from '../../../../core/thai/era.ts';
import { ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError, useLoad } from '../../lib/use-load.ts';
import { ErrorState } from '../../ui/states.tsx';
import { ImportErrors } from './import-errors.tsx';
import { type ImportOutcome, importScores } from './score-import.ts';

const EXAMPLE = 'agency_id,code,score\n# รหัสหน่วยงาน,รหัสข้อ (i1, e1, o1 หรือ IIT/EIT/OIT),คะแนน';

export function ImportPage() {
  const { api } = useSession();
  const thisYear = fiscalYearOf(new Date());
  const [year, setYear] = useState(thisYear);
  const [agencyId, setAgencyId] = useState('');
  const [fileName, setFileName] = useState('scores.csv');
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const agencies = useLoad(() => ok(api.province.$get({ query: {} })), []);

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    setFileName(file.name);
    setContent(await file.text());
    setOutcome(undefined);
  };

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const name = fileName.trim() === '' ? 'scores.csv' : fileName;
      setOutcome(
        await importScores(api, {
          fileName: name,
          content,
          year,
          dryRun,
          ...(agencyId === '' ? {} : { agencyId }),
        }),
      );
    } catch (error) {
      setFailure(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p class="lead">รูปแบบเดียวกับคำสั่ง ita score: CSV (code,score หรือ agency_id,code,score) หรือ JSON</p>
      <div class="card">
        <div class="row">
          <label class="field grow">
            ปีงบประมาณ
            <select
              id="import-year"
              value={String(year)}
              onChange={(e) => setYear(Number(e.currentTarget.value))}
            >
              {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label class="field grow">
            หน่วยงาน (ไฟล์ของหน่วยงานเดียว)
            <select id="import-agency" value={agencyId} onChange={(e) => setAgencyId(e.currentTarget.value)}>
              <option value="">ระบุในไฟล์ (คอลัมน์ agency_id)</option>
              {(agencies.data?.agencies ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.shortName ?? a.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label class="field">
          คะแนน (วางข้อความหรือเลือกไฟล์)
          <textarea
            id="import-content"
            value={content}
            placeholder={EXAMPLE}
            spellcheck={false}
            onInput={(e) => {
              setContent(e.currentTarget.value);
              setOutcome(undefined);
            }}
          />
        </label>
        <div class="row">
          <label class="button secondary">
            เลือกไฟล์…
            <input
              id="import-file"
              type="file"
              accept=".csv,.json,text/csv,application/json"
              hidden
              onChange={onFile}
            />
          </label>
          <button
            type="button"
            class="secondary"
            disabled={busy || content.trim() === ''}
            onClick={() => run(true)}
          >
            ตรวจสอบก่อน
          </button>
          <button
            id="import-run"
            type="button"
            disabled={busy || content.trim() === ''}
            onClick={() => run(false)}
          >
            {busy ? 'กำลังนำเข้า…' : 'นำเข้าและบันทึก'}
          </button>
        </div>
      </div>
      {failure !== undefined && <ErrorState message={failure} />}
      {outcome !== undefined && !outcome.ok && (
        <ImportErrors message={outcome.message} errors={outcome.errors} />
      )}
      {outcome?.ok === true && (
        <div class="card" role="status">
          <p>
            {outcome.result.dryRun
              ? `ตรวจแล้วไม่พบข้อผิดพลาด (${outcome.result.agencies.length} หน่วยงาน) กด "นำเข้าและบันทึก" เพื่อบันทึก`
              : `บันทึกคะแนนแล้ว ${outcome.result.imported} รายการ จาก ${outcome.result.agencies.length} หน่วยงาน`}
          </p>
          <ul>
            {outcome.result.agencies.map((a) => (
              <li key={a.id}>
                <a href={hrefOf(`agency/${encodeURIComponent(a.id)}`)}>{a.name}</a>:{' '}
                {a.total === null ? 'ยังไม่ครบ' : formatScore(a.total)} {a.level ?? ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
