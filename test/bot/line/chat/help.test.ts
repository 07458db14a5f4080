// `ช่วยเหลือ` lists what this person may do in this chat, and never the hidden installation-only commands.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../../bot/features/index.ts';
import type { Who } from '../../../../bot/line/chat/context.ts';
import { buildHelp } from '../../../../bot/line/chat/help.ts';

const citizen: Who = { roles: [], isCoordinator: false, isOfficer: false, staffAgencyIds: [] };
const coordinator: Who = { ...citizen, isCoordinator: true, userId: `U${'a'.repeat(32)}` };
const text = (messages: ReturnType<typeof buildHelp>) => JSON.stringify(messages);

describe('buildHelp', () => {
  it('shows a citizen the public commands but not the first coordinator’s claim code', () => {
    const help = text(buildHelp(COMMANDS, citizen, 'user'));
    expect(help).toContain('ช่วยเหลือ');
    expect(help).toContain('EIT');
    expect(help).not.toContain('ผู้ประสานงาน <รหัส>');
    expect(help).not.toContain('ประกาศ');
  });

  it('shows a coordinator the coordinator commands in 1:1 chat', () => {
    const help = text(buildHelp(COMMANDS, coordinator, 'user'));
    expect(help).toContain('ประกาศ');
    expect(help).toContain('(ผู้ประสานงานจังหวัด)');
  });
});
