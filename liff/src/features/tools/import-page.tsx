// Import scores (coordinator): a CSV/XLSX/JSON file or pasted text, checked and previewed first (columns mapped,
// agencies matched, published figures compared), errors shown by row in Thai; saved only after the preview.
import { useState } from 'preact/hooks';
import { formatScore } from '../../../../core/round.ts';
import { fiscalYearOf } from '../../../../core/thai/era.ts';
import { ok } from '../../lib/api.ts';
import type { ImportOk } from '../../lib/api-types.ts';
import { hrefOf } from '../../lib/router.ts';
import { saveFile } from '../../lib/save-file.ts';
import { useSession } from '../../lib/session.ts';
import { toApiError, useBusy, useLoad } from '../../lib/use-load.ts';
import { ErrorState } from '../../ui/states.tsx';
import { base64Of } from './file-check.tsx';
import { ImportErrors } from './import-errors.tsx';
import { type ImportOutcome, importScores } from './score-import.ts';

const EXAMPLE =
  'ชื่อหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ระดับผลการประเมิน,IIT,EIT,OIT\n# หรือ agency_id,code,score (รหัสหน่วยงาน,รหัสข้อ,คะแนน)';

type Review = NonNullable<ImportOk['review']>;

function ReviewView({
  review,
  agencies,
  mapping,
  matches,
  onMap,
  onMatch,
}: {
  review: Review;
  agencies: readonly { id: string; name: string }[];
  mapping: Record<string, string>;
  matches: Record<string, string>;
  onMap(header: string, field: string): void;
  onMatch(line: number, agencyId: string): void;
}) {
  return (
    <div class="card" data-testid="import-review">
      {review.unknownHeaders.length > 0 && (
        <div>
          <h3>คอลัมน์ที่ยังไม่รู้จัก: โปรดเลือกว่าเป็นข้อมูลใด</h3>
          {review.unknownHeaders.map((h) => (
            <label class="field" key={h}>
              {h}
              <select value={mapping[h] ?? ''} onChange={(e) => onMap(h, e.currentTarget.value)}>
                <option value="">— เลือก —</option>
                {review.fields.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {review.unmatched.length > 0 && (
        <div>
          <h3>ไม่พบหน่วยงานของแถวต่อไปนี้: โปรดเลือกหน่วยงาน หรือข้ามแถว</h3>
          {review.unmatched.map((u) => (
            <label class="field" key={u.line}>
              แถว {u.line}: {u.ref}
              <select
                value={matches[String(u.line)] ?? ''}
                onChange={(e) => onMatch(u.line, e.currentTarget.value)}
              >
                <option value="">— เลือก —</option>
                <option value="skip">ข้ามแถวนี้</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {review.warnings.length > 0 && (
        <div>
          <h3>คำเตือน: ตัวเลขที่ประกาศต่างจากที่คำนวณได้เกิน 0.01 (ระบบใช้ตัวเลขที่ประกาศ)</h3>
          <ul>
            {review.warnings.map((w) => (
              <li key={`${w.line}-${w.message}`}>
                {w.line === null ? '' : `แถว ${w.line}: `}
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {review.rows.length > 0 && (
        <table>
          <caption>ตัวอย่างก่อนบันทึก ({review.rows.length} หน่วยงาน)</caption>
          <thead>
            <tr>
              <th>แถว</th>
              <th>หน่วยงาน</th>
              <th class="num">คะแนนรวม</th>
              <th>ระดับ</th>
              <th class="num">ลำดับประเทศ</th>
            </tr>
          </thead>
          <tbody>
            {review.rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.agency.name}</td>
                <td class="num">{r.totalDisplay ?? '–'}</td>
                <td>{r.level ?? '–'}</td>
                <td class="num">{r.rankNational ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ImportPage() {
  const { api } = useSession();
  const thisYear = fiscalYearOf(new Date());
  const [year, setYear] = useState(thisYear);
  const [agencyId, setAgencyId] = useState('');
  const [fileName, setFileName] = useState('scores.csv');
  const [content, setContent] = useState('');
  const [xlsx, setXlsx] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [matches, setMatches] = useState<Record<string, string>>({});
  /** The preview the save button stands on: saving is offered only after a clean check. */
  const [checked, setChecked] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined);
  const { busy, problem: failure, setProblem: setFailure, run: work } = useBusy();
  const agencies = useLoad(() => ok(api.province.$get({ query: {} })), []);

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file === undefined) return;
    setFileName(file.name);
    if (/\.xlsx$/i.test(file.name)) {
      setXlsx(await base64Of(file));
      setContent('');
    } else {
      setXlsx(undefined);
      setContent(await file.text());
    }
    setMapping({});
    setMatches({});
    setOutcome(undefined);
    setChecked(false);
  };

  const template = async (format: 'csv' | 'xlsx') => {
    setFailure(undefined);
    try {
      const res = await api.agencies.import.template.$get({ query: { format, year } });
      await saveFile(res, `ita-results-template.${format}`);
    } catch (error) {
      setFailure(toApiError(error).message);
    }
  };

  const run = (dryRun: boolean) =>
    work(async () => {
      const name = fileName.trim() === '' ? 'scores.csv' : fileName;
      const next = await importScores(api, {
        fileName: name,
        content,
        ...(xlsx === undefined ? {} : { contentBase64: xlsx }),
        year,
        dryRun,
        apply: !dryRun,
        mapping,
        matches,
        ...(agencyId === '' ? {} : { agencyId }),
      });
      setOutcome(next);
      // Saving is offered only after a check with nothing left to fix.
      setChecked(dryRun && next.ok && next.result.review?.ready !== false);
    });

  return (
    <div>
      <p class="lead">
        ผลคะแนนที่ประกาศ หนึ่งแถวต่อหน่วยงาน (CSV หรือ Excel หัวตารางภาษาไทยได้) หรือรูปแบบเดียวกับคำสั่ง ita score
        ระบบจะตรวจและแสดงตัวอย่างก่อน แล้วจึงบันทึก
      </p>
      <div class="row">
        <button type="button" class="secondary" onClick={() => template('csv')}>
          ดาวน์โหลดแบบฟอร์ม CSV
        </button>
        <button type="button" class="secondary" onClick={() => template('xlsx')}>
          ดาวน์โหลดแบบฟอร์ม Excel
        </button>
      </div>
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
              setXlsx(undefined);
              setOutcome(undefined);
              setChecked(false);
            }}
          />
        </label>
        <div class="row">
          <label class="button secondary">
            เลือกไฟล์…
            <input
              id="import-file"
              type="file"
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hidden
              onChange={onFile}
            />
          </label>
          <button
            id="import-check"
            type="button"
            class="secondary"
            disabled={busy || (content.trim() === '' && xlsx === undefined)}
            onClick={() => run(true)}
          >
            ตรวจสอบและดูตัวอย่าง
          </button>
          <button id="import-run" type="button" disabled={busy || !checked} onClick={() => run(false)}>
            {busy ? 'กำลังนำเข้า…' : 'นำเข้าและบันทึก'}
          </button>
        </div>
      </div>
      {failure !== undefined && <ErrorState message={failure} />}
      {xlsx !== undefined && <p class="muted">เลือกไฟล์ Excel: {fileName}</p>}
      {outcome !== undefined && !outcome.ok && (
        <ImportErrors message={outcome.message} errors={outcome.errors} />
      )}
      {outcome?.ok === true && outcome.result.review != null && (
        <ReviewView
          review={outcome.result.review}
          agencies={(agencies.data?.agencies ?? []).map((a) => ({ id: a.id, name: a.name }))}
          mapping={mapping}
          matches={matches}
          onMap={(h, f) => {
            setMapping({ ...mapping, [h]: f });
            setChecked(false);
          }}
          onMatch={(line, id) => {
            setMatches({ ...matches, [String(line)]: id });
            setChecked(false);
          }}
        />
      )}
      {outcome?.ok === true && (
        <div class="card" role="status">
          <p>
            {outcome.result.review?.ready === false
              ? 'ยังบันทึกไม่ได้: เลือกคอลัมน์หรือหน่วยงานที่ยังไม่รู้จักข้างต้น แล้วกด "ตรวจสอบและดูตัวอย่าง" อีกครั้ง'
              : outcome.result.dryRun
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
