// Greetings: the reply to a new friend (follow) and to being added to a group (join).
import type { LineMessage } from '../client.ts';

export function buildWelcome(accountName: string): LineMessage[] {
  return [
    {
      type: 'text',
      text: [
        `สวัสดีค่ะ ขอบคุณที่เพิ่ม ${accountName} เป็นเพื่อน`,
        'บัญชีนี้ช่วยหน่วยงานภาครัฐในจังหวัดเตรียมการประเมินคุณธรรมและความโปร่งใส (ITA) และรับเรื่องร้องเรียนจากประชาชน',
        'พิมพ์ "ช่วยเหลือ" เพื่อดูสิ่งที่ทำได้ในแชตนี้ค่ะ',
      ].join('\n\n'),
    },
  ];
}

export function buildGroupGreeting(accountName: string): LineMessage[] {
  return [
    {
      type: 'text',
      text: [
        `สวัสดีค่ะ ${accountName} พร้อมช่วยงาน ITA ของหน่วยงานในกลุ่มนี้แล้ว`,
        'ผู้ประสานงานจังหวัดจะให้รหัสผูกกลุ่มกับหน่วยงาน พิมพ์ เช่น "ผูกกลุ่ม 4KX9QP" เพื่อเริ่มรับการแจ้งเตือน',
        'พิมพ์ "ช่วยเหลือ" เพื่อดูคำสั่งทั้งหมดค่ะ',
      ].join('\n\n'),
    },
  ];
}
