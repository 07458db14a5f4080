// The province's agency list (coordinator, issue 14 §1): a CSV or Excel file checked first — what would be added,
// renamed or moved, or each bad cell by line and column — then saved in one go. No SQL console needed on Workers.
import { useState } from 'preact/hooks';
import { useSession } from '../../lib/session.ts';
import { toApiError } from '../../lib/use-load.ts';
import { ErrorState } from '../../ui/states.tsx';

interface Issue {
  line: number;
  column: string;
  message: string;
}

interface Outcome {
  applied: boolean;
  counts: Record<string, number>;
  labels: Record<string, string>;
  changes: { kind: string; id: string; nameTh: string; before?: string; after?: string }[];
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function AgenciesImportPage() {
  const { api } = useSession();
  const [file, setFile] = useState<{ name: string; base64: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [issues, setIssues] = useState<{ message: string; issues: Issue[] } | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const onFile = async (event: Event) => {
    const picked = (event.currentTarget as HTMLInputElement).files?.[0];
    if (picked === undefined) return;
    setFile({ name: picked.name, base64: toBase64(new Uint8Array(await picked.arrayBuffer())) });
    setOutcome(undefined);
    setIssues(undefined);
  };

  const run = async (apply: boolean) => {
    if (file === undefined) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const res = await api['agency-registry'].import.$post({
        json: { fileName: file.name, contentBase64: file.base64, apply },
      });
      const body = (await res.json()) as unknown;
      if (res.ok) {
        setOutcome(body as Outcome);
        setIssues(undefined);
      } else {
        const b = body as { message?: string; issues?: Issue[] };
        setIssues({ message: b.message ?? 'นำเข้าไม่ได้', issues: b.issues ?? [] });
        setOutcome(undefined);
      }
    } catch (error) {
      setFailure(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <p class="lead">
        ไฟล์ CSV หรือ Excel หนึ่งหน่วยงานต่อหนึ่งแถว หัวคอลัมน์: รหัสจังหวัด, รหัสหน่วยงาน, ชื่อหน่วยงาน, ชื่อย่อ, ประเภท, อำเภอ,
        หน่วยงานต้นสังกัด, จำนวนบุคลากร, รหัส ITAS (แบบฟอร์มจากคำสั่ง ita agencies template)
      </p>
      <div class="card">
        <div class="row">
          <label class="button secondary">
            เลือกไฟล์…
            <input
              id="agencies-file"
              type="file"
              accept=".csv,.xlsx,.xls,text/csv"
              hidden
              onChange={onFile}
            />
          </label>
          <span class="muted small">{file?.name ?? 'ยังไม่ได้เลือกไฟล์'}</span>
        </div>
        <div class="row">
          <button
            type="button"
            class="secondary"
            disabled={busy || file === undefined}
            onClick={() => run(false)}
          >
            ตรวจสอบก่อน
          </button>
          <button
            id="agencies-apply"
            type="button"
            disabled={busy || file === undefined || outcome === undefined || outcome.applied}
            onClick={() => run(true)}
          >
            {busy ? 'กำลังบันทึก…' : 'บันทึกรายชื่อหน่วยงาน'}
          </button>
        </div>
      </div>
      {failure !== undefined && <ErrorState message={failure} />}
      {issues !== undefined && (
        <div class="card" role="alert">
          <p>{issues.message}</p>
          <ul>
            {issues.issues.map((i) => (
              <li key={`${i.line}:${i.column}:${i.message}`}>
                บรรทัด {i.line} คอลัมน์ "{i.column}": {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome !== undefined && (
        <div class="card" role="status">
          <p>
            {outcome.applied ? 'บันทึกแล้ว: ' : 'ตรวจแล้วไม่พบข้อผิดพลาด (ยังไม่ได้บันทึก): '}
            {Object.entries(outcome.counts)
              .map(([kind, n]) => `${outcome.labels[kind] ?? kind} ${n}`)
              .join(' · ')}
          </p>
          <ul>
            {outcome.changes.map((c) => (
              <li key={c.id}>
                {outcome.labels[c.kind] ?? c.kind}: {c.nameTh} ({c.id})
                {c.before === undefined ? '' : ` ${c.before} → ${c.after ?? ''}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
