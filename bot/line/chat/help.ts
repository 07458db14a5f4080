// Help texts: what this person can type here, built from the commands' own help lines.

import type { LineMessage } from '../client.ts';
import type { Audience, Command } from './command.ts';
import type { ChatKind, Who } from './context.ts';

function allowed(audience: Audience, who: Who): boolean {
  switch (audience) {
    case 'everyone':
      return true;
    case 'staff':
      return who.isCoordinator || who.staffAgencyIds.length > 0;
    case 'coordinator':
      return who.isCoordinator;
    case 'officer':
      return who.isOfficer || who.isCoordinator;
  }
}

/** The commands this person may use in this kind of chat. */
function commandsFor(commands: readonly Command[], who: Who, chat: ChatKind): Command[] {
  return commands.filter(
    (c) => !c.help.hidden && c.help.chats.includes(chat) && allowed(c.help.audience, who),
  );
}

export function buildHelp(commands: readonly Command[], who: Who, chat: ChatKind): LineMessage[] {
  const lines = commandsFor(commands, who, chat).map((c) => `• ${c.help.usage} — ${c.help.text}`);
  const where = chat === 'user' ? 'ในแชตนี้' : 'ในกลุ่มนี้';
  const role = who.isCoordinator
    ? ' (ผู้ประสานงานจังหวัด)'
    : who.staffAgencyIds.length > 0
      ? ' (เจ้าหน้าที่หน่วยงาน)'
      : '';
  return [{ type: 'text', text: [`คำสั่งที่ใช้ได้${where}${role}`, ...lines].join('\n') }];
}

export function buildNotUnderstood(who: Who): LineMessage[] {
  const hint =
    who.isCoordinator || who.staffAgencyIds.length > 0 ? '"งาน" หรือ "ช่วยเหลือ"' : '"EIT" หรือ "ช่วยเหลือ"';
  return [
    {
      type: 'text',
      text: `ขออภัยค่ะ ระบบยังไม่เข้าใจข้อความนี้ ลองพิมพ์ ${hint} เพื่อดูสิ่งที่ทำได้`,
      quickReply: {
        items: [{ type: 'action', action: { type: 'message', label: 'ช่วยเหลือ', text: 'ช่วยเหลือ' } }],
      },
    },
  ];
}
