// IIT/EIT commands: the survey links with QR codes (`IIT`, `EIT [agency]`), respondent counts reported from
// ITAS (`รายงาน IIT 45`), and the buttons that pick an agency for them.
import type { Command, PostbackAction } from '../../line/chat/command.ts';
import { handOutLink, handOutPicked } from './hand-out.ts';
import { COUNT_KEPT_ACTION, reportCount, reportKept, reportPicked } from './report-count.ts';

export const SURVEY_COMMANDS: Command[] = [
  {
    keywords: ['ลิงก์ IIT', 'ลิงค์ IIT', 'แบบวัด IIT', 'IIT'],
    help: {
      usage: 'IIT',
      text: 'ลิงก์และ QR แบบวัด IIT ของหน่วยงาน (เฉพาะบุคลากรของหน่วยงาน)',
      audience: 'staff',
      chats: ['group', 'user'],
    },
    run: (ctx, args) => handOutLink(ctx, 'IIT', args),
  },
  {
    keywords: ['ลิงก์ EIT', 'ลิงค์ EIT', 'แบบวัด EIT', 'แบบวัดผู้รับบริการ', 'EIT'],
    help: {
      usage: 'EIT [ชื่อหน่วยงาน]',
      text: 'ลิงก์และ QR แบบวัดความเห็นผู้รับบริการ (EIT) ของหน่วยงาน',
      audience: 'everyone',
      chats: ['group', 'user'],
    },
    run: (ctx, args) => handOutLink(ctx, 'EIT', args),
  },
  {
    keywords: ['รายงานจำนวนผู้ตอบ', 'รายงานจำนวน', 'รายงาน', 'report'],
    help: {
      usage: 'รายงาน IIT 45 / รายงาน EIT 120',
      text: 'บันทึกจำนวนผู้ตอบล่าสุดจากระบบ ITAS และดูความคืบหน้าเทียบเป้าขั้นต่ำ',
      audience: 'staff',
      chats: ['group', 'user'],
    },
    run: reportCount,
  },
];

export const SURVEY_ACTIONS: PostbackAction[] = [
  { name: 'iit', run: (ctx, params) => handOutPicked(ctx, 'IIT', params.get('ag') ?? '') },
  { name: 'eit', run: (ctx, params) => handOutPicked(ctx, 'EIT', params.get('ag') ?? '') },
  { name: 'survey_report', run: reportPicked },
  { name: COUNT_KEPT_ACTION, run: reportKept },
];
