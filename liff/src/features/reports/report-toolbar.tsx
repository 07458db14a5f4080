// The report page's controls: Thai/Arabic digits, the edit step, print, download .docx/.html, measures → plan.
import type { ActionMessage } from '../../lib/use-load.ts';
import { ActionOutcome } from '../../ui/states.tsx';
import type { ReportView } from './report-text.tsx';

interface Props {
  view: ReportView;
  onView(view: ReportView): void;
  onDownload(format: 'docx' | 'html'): void;
  /** Only the analysis report has measures to plan. */
  onPlan?: () => void;
  busy: boolean;
  message: ActionMessage | undefined;
}

export function ReportToolbar({ view, onView, onDownload, onPlan, busy, message }: Props) {
  return (
    <div class="report-toolbar no-print">
      <fieldset class="row" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend class="muted">ตัวเลข</legend>
        {(['thai', 'arabic'] as const).map((digits) => (
          <button
            key={digits}
            type="button"
            class={view.digits === digits ? undefined : 'secondary'}
            aria-pressed={view.digits === digits}
            onClick={() => onView({ ...view, digits })}
          >
            {digits === 'thai' ? 'เลขไทย ๑๒๓' : 'เลขอารบิก 123'}
          </button>
        ))}
      </fieldset>
      <div class="row">
        <button
          type="button"
          class={view.editing ? undefined : 'secondary'}
          aria-pressed={view.editing}
          onClick={() => onView({ ...view, editing: !view.editing })}
        >
          {view.editing ? 'เสร็จสิ้นการแก้ไข' : 'แก้ไขข้อความก่อนดาวน์โหลด'}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy || view.editing}
          onClick={() => window.print()}
        >
          พิมพ์ (A4)
        </button>
        <button type="button" disabled={busy || view.editing} onClick={() => onDownload('docx')}>
          ดาวน์โหลด Word (.docx)
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy || view.editing}
          onClick={() => onDownload('html')}
        >
          ดาวน์โหลด HTML
        </button>
        {onPlan !== undefined && (
          <button type="button" class="secondary" disabled={busy || view.editing} onClick={onPlan}>
            เพิ่มมาตรการเข้าแผนงานปีถัดไป
          </button>
        )}
      </div>
      <ActionOutcome message={message} />
    </div>
  );
}
