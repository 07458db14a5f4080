// The coordinator's tools: import scores, survey links and targets, the plan, agencies, settings, announcements,
// the LINE quota.
import { hrefOf } from '../../lib/router.ts';

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

export function ToolsPage() {
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
