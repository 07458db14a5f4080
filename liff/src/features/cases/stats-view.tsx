// Complaint statistics as published for the OIT: headline figures, times to acknowledge and close, and the
// breakdowns — each cell as the API gives it, so suppressed small counts stay hidden ("<3", "x").

import type { CaseStats } from '../complaints/types.ts';

type Cell = CaseStats['total'];

export function cellText(cell: Cell): string {
  return typeof cell === 'number' ? cell.toLocaleString('en-US') : cell;
}

const days = (n: number | null) => (n === null ? 'ไม่แสดง' : `${n.toLocaleString('en-US')} วัน`);

function Table({ caption, head, rows }: { caption: string; head: string; rows: [string, Cell][] }) {
  return (
    <div class="complaint-table-wrap">
      <table>
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" class="num">
              จำนวน (เรื่อง)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td class="num">{cellText(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComplaintStatsView({ stats: s }: { stats: CaseStats }) {
  return (
    <div>
      <div class="complaint-stats-grid">
        <div class="complaint-figure">
          <span class="small muted">เรื่องทั้งหมด</span>
          <strong>{cellText(s.total)}</strong>
        </div>
        <div class="complaint-figure">
          <span class="small muted">ตอบผู้ร้องภายใน {s.replyDays} วัน</span>
          <strong>{s.repliedInTimeShareText}</strong>
          <span class="small">
            {cellText(s.repliedInTime)} จาก {cellText(s.replyDue)} เรื่องที่ถึงกำหนด
          </span>
        </div>
        <div class="complaint-figure">
          <span class="small muted">เกินกำหนดอย่างน้อยหนึ่งขั้น</span>
          <strong>{cellText(s.late)}</strong>
        </div>
        <div class="complaint-figure">
          <span class="small muted">ผู้ร้องขอพิจารณาใหม่</span>
          <strong>{cellText(s.reopened)}</strong>
        </div>
      </div>
      <h2>ระยะเวลานับจากวันที่แจ้ง</h2>
      <div class="complaint-table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">ขั้นตอน</th>
              <th scope="col" class="num">
                เรื่อง
              </th>
              <th scope="col" class="num">
                มัธยฐาน
              </th>
              <th scope="col" class="num">
                เปอร์เซ็นไทล์ที่ 90
              </th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['รับทราบเรื่อง', s.acknowledge],
                ['ปิดเรื่อง', s.close],
              ] as const
            ).map(([what, d]) => (
              <tr key={what}>
                <th scope="row">{what}</th>
                <td class="num">{cellText(d.count)}</td>
                <td class="num">{days(d.medianDays)}</td>
                <td class="num">{days(d.p90Days)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>ตามประเภท</h2>
      <Table caption="จำนวนเรื่องตามประเภท" head="ประเภท" rows={s.byType.map((r) => [r.label, r.count])} />
      <h2>ตามสถานะ</h2>
      <Table caption="จำนวนเรื่องตามสถานะ" head="สถานะ" rows={s.byStatus.map((r) => [r.label, r.count])} />
      <h2>รายเดือน</h2>
      <Table caption="จำนวนเรื่องรายเดือน" head="เดือน" rows={s.byMonth.map((r) => [r.label, r.count])} />
      {s.byAgency.length > 1 && (
        <>
          <h2>ตามหน่วยงาน</h2>
          <Table
            caption="จำนวนเรื่องตามหน่วยงาน"
            head="หน่วยงาน"
            rows={s.byAgency.map((r) => [r.label, r.count])}
          />
        </>
      )}
      <p class="small muted">
        "&lt;{s.threshold}" คือมีน้อยกว่า {s.threshold} เรื่อง และ "x" คือซ่อนไว้เพื่อไม่ให้คำนวณย้อนกลับได้
        ทั้งสองกรณีซ่อนไว้เพื่อไม่ให้ระบุตัวผู้ร้องได้ ระยะเวลาไม่แสดงเมื่อมีเรื่องน้อยกว่า {s.threshold} เรื่อง
      </p>
    </div>
  );
}
