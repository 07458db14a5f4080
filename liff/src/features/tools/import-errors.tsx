// The errors of a score import, one per line of the file, so the person can fix the file and try again.
import type { ImportLineError } from '../../lib/api-types.ts';
import { describeImportError } from './score-import.ts';

export function ImportErrors({ message, errors }: { message: string; errors: readonly ImportLineError[] }) {
  return (
    <div class="card error-state" role="alert">
      <p>{message}</p>
      <ul class="errors import-errors">
        {errors.map((e, i) => (
          <li key={`${e.line}-${e.field}-${i}`} data-line={e.line ?? undefined}>
            {describeImportError(e)}
          </li>
        ))}
      </ul>
      <p class="small muted">แก้ไขไฟล์ตามรายการข้างต้น แล้วเลือกไฟล์หรือวางข้อความใหม่อีกครั้ง</p>
    </div>
  );
}
