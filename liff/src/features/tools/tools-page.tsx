// The coordinator's tools: import scores, survey links and targets, the plan, agencies, settings, announcements,
// the LINE quota, the OIT reports.
import { useState } from 'preact/hooks';
import { fiscalYearOf } from '../../../../core/thai/era.ts';
import { ok } from '../../lib/api.ts';
import { hrefOf } from '../../lib/router.ts';
import { useSession } from '../../lib/session.ts';
import { useLoad } from '../../lib/use-load.ts';
import { YearSelect } from '../../ui/year-select.tsx';

const TOOLS = [
  ['tools/import', 'นำเข้าผลคะแนน', 'ไฟล์ CSV หรือ JSON แบบเดียวกับคำสั่ง ita score ตรวจทุกบรรทัดก่อนบันทึก'],
  ['tools/links', 'ลิงก์และเป้าหมายแบบสำรวจ', 'ใส่ลิงก์ ITAS ของ IIT/EIT และปรับจำนวนผู้ตอบขั้นต่ำ'],
  ['tools/plan', 'แก้ไขแผนการดำเนินงาน', 'สร้างแผนจากปฏิทินมาตรฐาน เลื่อนกำหนด มอบหมายหน่วยงาน'],
  ['tools/agencies', 'รายชื่อหน่วยงาน', 'นำเข้ารายชื่อหน่วยงานของจังหวัดจากไฟล์ CSV หรือ Excel ตรวจทุกแถวก่อนบันทึก'],
  [
    'tools/frameworks',
    'กรอบการประเมินของแต่ละปี',
    'สถานะกรอบของทุกปี และนำเข้าไฟล์กรอบของปีใหม่ (JSON) เมื่อสำนักงาน ป.ป.ช. ประกาศคู่มือ',
  ],
  ['tools/settings', 'การตั้งค่าและวันหยุด', 'เวลาทำการ การแจ้งเตือน เรื่องร้องเรียน และวันหยุดราชการของแต่ละปี'],
  ['tools/broadcast', 'ส่งประกาศ', 'ส่งข้อความถึงกลุ่ม LINE ของหน่วยงานตามประเภท อำเภอ หรืองานที่ยังไม่เสร็จ'],
  ['tools/quota', 'โควตาข้อความ LINE', 'ยอดที่ใช้ ประมาณการถึงสิ้นเดือน และ "ส่งต่อ" เมื่อการส่งถูกระงับเพราะโควตาหมด'],
] as const;

/** The OIT reports of any agency of the province: choose the agency and the year, then open either report. */
function OitReports() {
  const { api } = useSession();
  const agencies = useLoad(() => ok(api.complaints.agencies.$get({ query: {} })), []);
  const [agencyId, setAgencyId] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const list = agencies.data?.agencies ?? [];
  const chosen = agencyId || list[0]?.id || '';
  const years = recentYears();
  const shownYear = year ?? (years[1] as number); // last year, the newest published
  const id = encodeURIComponent(chosen);
  return (
    <section class="card" aria-labelledby="tools-reports">
      <h2 id="tools-reports">รายงานสำหรับเผยแพร่ใน OIT</h2>
      <p class="muted small">
        รายงานการวิเคราะห์ผลการประเมินและรายงานผลตามมาตรการของแต่ละหน่วยงาน แก้ไขแล้วดาวน์โหลดเป็น Word ได้
      </p>
      <label class="field">
        หน่วยงาน
        <select value={chosen} onChange={(e) => setAgencyId(e.currentTarget.value)}>
          {list.map((a) => (
            <option key={a.id} value={a.id}>
              {a.nameTh}
            </option>
          ))}
        </select>
      </label>
      <YearSelect year={shownYear} years={years} onYear={setYear} />
      {chosen !== '' && (
        <ul class="link-list">
          <li>
            <a href={hrefOf(`reports/analysis/${id}/${shownYear}`)}>
              รายงานการวิเคราะห์ผลการประเมิน ปี {shownYear}
            </a>
          </li>
          <li>
            <a href={hrefOf(`reports/measures/${id}/${shownYear}`)}>
              รายงานผลการดำเนินการตามมาตรการ ปี {shownYear}
            </a>
          </li>
        </ul>
      )}
    </section>
  );
}

/** This fiscal year and the six before it, newest first (the reports cover published years). */
function recentYears(): number[] {
  const current = fiscalYearOf(new Date());
  return Array.from({ length: 7 }, (_, i) => current - i);
}

export function ToolsPage() {
  return (
    <>
      <ToolList />
      <OitReports />
    </>
  );
}

function ToolList() {
  return (
    <ul class="tool-list">
      {TOOLS.map(([path, title, text]) => (
        <li key={path}>
          <a class="card tool" href={hrefOf(path)}>
            <strong>{title}</strong>
            <span class="muted small">{text}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
