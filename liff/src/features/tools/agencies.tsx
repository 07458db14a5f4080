// The province's agency list (coordinator, issue 14 §1): a CSV or Excel file checked first — what would be added,
// renamed or moved, or each bad cell by line and column — then saved in one go. No SQL console needed on Workers.
import { useSession } from '../../lib/session.ts';
import { base64Of, FileCheck } from './file-check.tsx';

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

export function AgenciesImportPage() {
  const { api } = useSession();
  const send = async (fileName: string, contentBase64: string, apply: boolean) => {
    const res = await api['agency-registry'].import.$post({ json: { fileName, contentBase64, apply } });
    const body = (await res.json()) as unknown;
    if (res.ok) return { result: body as Outcome };
    const b = body as { message?: string; issues?: Issue[] };
    return {
      message: b.message ?? 'นำเข้าไม่ได้',
      problems: (b.issues ?? []).map((i) => `บรรทัด ${i.line} คอลัมน์ "${i.column}": ${i.message}`),
    };
  };

  return (
    <div>
      <p class="lead">
        ไฟล์ CSV หรือ Excel หนึ่งหน่วยงานต่อหนึ่งแถว หัวคอลัมน์: รหัสจังหวัด, รหัสหน่วยงาน, ชื่อหน่วยงาน, ชื่อย่อ, ประเภท, อำเภอ,
        หน่วยงานต้นสังกัด, จำนวนบุคลากร, รหัส ITAS (แบบฟอร์มจากคำสั่ง ita agencies template)
      </p>
      <FileCheck<Outcome>
        id="agencies"
        pickLabel="เลือกไฟล์…"
        accept=".csv,.xlsx,.xls,text/csv"
        read={base64Of}
        send={send}
        saveLabel="บันทึกรายชื่อหน่วยงาน"
        saved={(outcome) => outcome.applied}
      >
        {(outcome) => (
          <>
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
          </>
        )}
      </FileCheck>
    </div>
  );
}
