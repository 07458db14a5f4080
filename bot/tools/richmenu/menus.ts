// The four rich menus as data — citizens', agency staff's, coordinators' and complaint officers' — each a grid of
// cells that gives both the tap areas sent to LINE and the picture drawn for them, so the two can never disagree.
// Every button works for everyone who has the menu (test/bot/tools/richmenu/buttons.test.ts presses them all).
import type { MenuKey } from '../../features/roles/rich-menu.ts';
import type { IconName } from './icons.ts';

export type { MenuKey };
export type Tone = 'green' | 'blue' | 'amber' | 'purple' | 'teal' | 'slate';

export type MenuAction =
  | { type: 'message'; label: string; text: string }
  | { type: 'uri'; label: string; uri: string };

export interface MenuCell {
  /** Grid position in columns and rows of the menu's grid. */
  col: number;
  row: number;
  span?: number;
  title: string;
  subtitle: string;
  icon: IconName;
  tone: Tone;
  action: MenuAction;
}

export interface MenuDesign {
  key: MenuKey;
  /** Shown to the operator in LINE Official Account Manager (≤ 300 characters). */
  name: string;
  /** The label of the bar that opens the menu (LINE: ≤ 14 characters). */
  chatBarText: string;
  size: { width: 2500; height: 1686 | 843 };
  columns: number;
  rows: number;
  cells: MenuCell[];
}

const say = (label: string, text = label): MenuAction => ({ type: 'message', label, text });

/** A page of the mini-app: `liffUrl` is its start (`…/liff/` or `https://liff.line.me/<id>`). */
const page = (liffUrl: string, label: string, path: string): MenuAction => ({
  type: 'uri',
  label,
  uri: `${liffUrl.replace(/\/+$/, '')}/${path}`,
});

/** The help cell every menu ends with: `ช่วยเหลือ` answers with the commands of the person's role. */
const helpCell = (col: number, row: number, span: number, subtitle = 'คำสั่งที่ใช้ได้'): MenuCell => ({
  col,
  row,
  span,
  title: 'ช่วยเหลือ',
  subtitle,
  icon: 'help',
  tone: 'slate',
  action: say('ช่วยเหลือ'),
});

/** The mini-app's start, for staff and coordinators. */
const miniAppCell = (liffUrl: string, col: number, row: number): MenuCell => ({
  col,
  row,
  title: 'มินิแอป ITA',
  subtitle: 'คะแนน แผนงาน และแบบสำรวจ',
  icon: 'grid',
  tone: 'green',
  action: { type: 'uri', label: 'มินิแอป ITA', uri: liffUrl },
});

/** Citizens: file a complaint and follow it (issue 5), rate an agency (EIT), see the agencies' scores in the
 * mini-app (issue 7), and get help. */
export function citizenMenu(liffUrl: string): MenuDesign {
  return {
    key: 'citizen',
    name: 'ITA: เมนูประชาชน',
    chatBarText: 'เมนูบริการ',
    size: { width: 2500, height: 1686 },
    columns: 6,
    rows: 2,
    cells: [
      {
        col: 0,
        row: 0,
        span: 3,
        title: 'ร้องเรียน',
        subtitle: 'แจ้งทุจริตหรือการให้บริการ ไม่ระบุชื่อได้',
        icon: 'megaphone',
        tone: 'amber',
        action: say('ร้องเรียน'),
      },
      {
        col: 3,
        row: 0,
        span: 3,
        title: 'ติดตามเรื่อง',
        subtitle: 'เรื่องของฉันและสถานะด้วยรหัส',
        icon: 'search',
        tone: 'blue',
        action: say('ติดตามเรื่อง', 'เรื่องของฉัน'),
      },
      {
        col: 0,
        row: 1,
        span: 2,
        title: 'ประเมินหน่วยงาน',
        subtitle: 'ตอบแบบวัดผู้รับบริการ (EIT)',
        icon: 'smile',
        tone: 'green',
        action: say('ประเมินหน่วยงาน EIT', 'EIT'),
      },
      {
        col: 2,
        row: 1,
        span: 2,
        title: 'คะแนน ITA',
        subtitle: 'ผลประเมินของหน่วยงานในจังหวัด',
        icon: 'chart',
        tone: 'blue',
        action: { type: 'uri', label: 'คะแนน ITA', uri: liffUrl },
      },
      helpCell(4, 1, 2, 'วิธีใช้งาน'),
    ],
  };
}

/** Agency staff: tasks, the survey links, counts, the OIT reports and the LIFF app. */
export function staffMenu(liffUrl: string): MenuDesign {
  return {
    key: 'staff',
    name: 'ITA: เมนูเจ้าหน้าที่หน่วยงาน',
    chatBarText: 'เมนูงาน ITA',
    size: { width: 2500, height: 1686 },
    columns: 4,
    rows: 2,
    cells: [
      {
        col: 0,
        row: 0,
        title: 'งาน',
        subtitle: 'งานที่ยังค้าง',
        icon: 'tasks',
        tone: 'green',
        action: say('งาน'),
      },
      {
        col: 1,
        row: 0,
        title: 'IIT',
        subtitle: 'ลิงก์และ QR บุคลากร',
        icon: 'users',
        tone: 'blue',
        action: say('IIT'),
      },
      {
        col: 2,
        row: 0,
        title: 'EIT',
        subtitle: 'ลิงก์และ QR ผู้รับบริการ',
        icon: 'smile',
        tone: 'teal',
        action: say('EIT'),
      },
      {
        col: 3,
        row: 0,
        title: 'รายงานจำนวน',
        subtitle: 'ผู้ตอบจาก ITAS',
        icon: 'pencil',
        tone: 'purple',
        action: say('รายงานจำนวน'),
      },
      {
        col: 0,
        row: 1,
        title: 'รายงาน OIT',
        subtitle: 'วิเคราะห์ผลและผลตามมาตรการ',
        icon: 'chart',
        tone: 'amber',
        action: say('รายงาน ITA'),
      },
      miniAppCell(liffUrl, 1, 1),
      helpCell(2, 1, 2),
    ],
  };
}

/** Coordinators: who is behind, announcements, the LINE quota, any agency's OIT reports, the tools and the app. */
export function coordinatorMenu(liffUrl: string): MenuDesign {
  return {
    key: 'coordinator',
    name: 'ITA: เมนูผู้ประสานงานจังหวัด',
    chatBarText: 'เมนูจังหวัด',
    size: { width: 2500, height: 1686 },
    columns: 4,
    rows: 2,
    cells: [
      {
        col: 0,
        row: 0,
        title: 'ติดตาม',
        subtitle: 'ความคืบหน้าทุกหน่วยงาน',
        icon: 'trend',
        tone: 'amber',
        action: say('ติดตาม'),
      },
      {
        col: 1,
        row: 0,
        title: 'ประกาศ',
        subtitle: 'ส่งถึงกลุ่ม LINE หน่วยงาน',
        icon: 'megaphone',
        tone: 'blue',
        action: say('ประกาศ'),
      },
      {
        col: 2,
        row: 0,
        title: 'โควตา',
        subtitle: 'ข้อความ LINE เดือนนี้',
        icon: 'users',
        tone: 'teal',
        action: say('โควตา'),
      },
      {
        col: 3,
        row: 0,
        title: 'รายงาน OIT',
        subtitle: 'รายงานของทุกหน่วยงาน',
        icon: 'chart',
        tone: 'purple',
        action: say('รายงาน ITA'),
      },
      {
        col: 0,
        row: 1,
        title: 'เครื่องมือ',
        subtitle: 'นำเข้า แผนงาน ลิงก์',
        icon: 'pencil',
        tone: 'green',
        action: page(liffUrl, 'เครื่องมือ', 'tools'),
      },
      miniAppCell(liffUrl, 1, 1),
      helpCell(2, 1, 2),
    ],
  };
}

/** Complaint officers: the case queue, the statistics for OIT, the scores and help. */
export function officerMenu(liffUrl: string): MenuDesign {
  return {
    key: 'officer',
    name: 'ITA: เมนูเจ้าหน้าที่รับเรื่องร้องเรียน',
    chatBarText: 'เมนูรับเรื่อง',
    size: { width: 2500, height: 1686 },
    columns: 4,
    rows: 2,
    cells: [
      {
        col: 0,
        row: 0,
        span: 2,
        title: 'เรื่องร้องเรียน',
        subtitle: 'รับเรื่อง ดำเนินการ และปิดเรื่อง',
        icon: 'tasks',
        tone: 'amber',
        action: page(liffUrl, 'เรื่องร้องเรียน', 'cases'),
      },
      {
        col: 2,
        row: 0,
        span: 2,
        title: 'สถิติเรื่องร้องเรียน',
        subtitle: 'สำหรับรายงาน OIT',
        icon: 'chart',
        tone: 'purple',
        action: page(liffUrl, 'สถิติเรื่องร้องเรียน', 'cases/stats'),
      },
      {
        col: 0,
        row: 1,
        span: 2,
        title: 'คะแนน ITA',
        subtitle: 'ผลประเมินของหน่วยงานในจังหวัด',
        icon: 'grid',
        tone: 'blue',
        action: { type: 'uri', label: 'คะแนน ITA', uri: liffUrl },
      },
      helpCell(2, 1, 2),
    ],
  };
}

/** All four, by key, for one start of the mini-app. */
export function allMenus(liffUrl: string): Record<MenuKey, MenuDesign> {
  return {
    citizen: citizenMenu(liffUrl),
    staff: staffMenu(liffUrl),
    coordinator: coordinatorMenu(liffUrl),
    officer: officerMenu(liffUrl),
  };
}
