// The measure-results report on the page (seed 004's layout): per instrument, each measure with what was done,
// owner and period, and its outcome; what was done and the outcome are editable in the edit step.

import type { MeasureResultRow, MeasureResultsReport } from '../../../../core/reports/index.ts';
import { Editable, SourceNotes, Text } from './report-text.tsx';

interface Props {
  report: MeasureResultsReport;
  onChange(report: MeasureResultsReport): void;
}

function Row({ row, onChange }: { row: MeasureResultRow; onChange(row: MeasureResultRow): void }) {
  return (
    <div class="report-measure">
      <strong>
        <Text value={row.title} />
      </strong>
      <div class="muted">สรุปผลการดำเนินการ ({row.statusLabel})</div>
      <Editable
        label={`สรุปผลการดำเนินการ ${row.title}`}
        value={row.done}
        onChange={(done) => onChange({ ...row, done })}
      />
      {row.evidenceUrls.length > 0 && (
        <ul>
          {row.evidenceUrls.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer">
                {url}
              </a>
            </li>
          ))}
        </ul>
      )}
      <div class="muted">
        ผู้รับผิดชอบ / ระยะเวลา: <Text value={`${row.owner} · ${row.periodText}`} />
      </div>
      <div class="muted">ผลลัพธ์หรือความสำเร็จ</div>
      <Editable
        label={`ผลลัพธ์ ${row.title}`}
        value={row.outcome}
        onChange={(outcome) => onChange({ ...row, outcome })}
      />
    </div>
  );
}

export function MeasuresSheet({ report, onChange }: Props) {
  const setRow = (next: MeasureResultRow) =>
    onChange({
      ...report,
      groups: report.groups.map((g) => ({
        ...g,
        rows: g.rows.map((r) => (r.activityId === next.activityId ? next : r)),
      })),
    });
  return (
    <article class="report-sheet">
      <h1>
        <Editable
          label="ชื่อรายงาน"
          value={report.title}
          onChange={(title) => onChange({ ...report, title })}
        />
      </h1>
      <SourceNotes report={report} />
      <p>
        <Editable label="บทนำ" value={report.intro} onChange={(intro) => onChange({ ...report, intro })} />
      </p>
      {report.groups.map((group) => (
        <section key={group.instrument} class="report-topic">
          <h2>{group.name}</h2>
          {group.rows.length === 0 ? (
            <p class="muted">ไม่มีมาตรการในแบบวัดนี้</p>
          ) : (
            group.rows.map((row) => <Row key={row.activityId} row={row} onChange={setRow} />)
          )}
        </section>
      ))}
    </article>
  );
}
