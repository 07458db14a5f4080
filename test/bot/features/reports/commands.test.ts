// `รายงาน ITA`: buttons to an agency's OIT reports for its staff (group or 1:1) and the coordinators; a reason
// for everyone else.
import { afterEach, describe, expect, it } from 'vitest';
import type { LineMessage } from '../../../../bot/dev/fake-line/types.ts';
import { DEMO_STAFF_AGENCY_IDS } from '../../../../bot/tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../../bot/tools/demo/line.ts';
import { checkAndClose } from '../../../support/harness.ts';
import { type Conversation, readable, startConversation } from '../../line/events/conversation.ts';

let c: Conversation;
afterEach(() => checkAndClose(c.h));

/** Every URI the answer's buttons open. */
function uris(messages: readonly LineMessage[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const v = value as Record<string, unknown>;
      if (v.type === 'uri' && typeof v.uri === 'string') found.push(v.uri);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(messages);
  return found;
}

// An agency assessed on its own (a line office has no scores of its own: it contributes to its unit's).
const STAFF_AGENCY = DEMO_STAFF_AGENCY_IDS.find((id) => id === 'nakhon-rangsit') ?? '';

describe('รายงาน ITA', () => {
  it('gives staff buttons to their agency’s analysis (latest scored year) and this year’s measures', async () => {
    c = await startConversation();
    const answer = await c.say('รายงาน ITA', { user: DEMO_STAFF_ID });
    const links = uris(answer);
    expect(links.some((u) => u.includes(`/liff/reports/analysis/${STAFF_AGENCY}/25`))).toBe(true);
    expect(links.some((u) => u.endsWith(`/liff/reports/measures/${STAFF_AGENCY}/2569`))).toBe(true);
    expect(readable(answer)).toContain('รายงานสำหรับเผยแพร่ใน OIT');
    // In the agency's group too, and the English alias.
    const inGroup = await c.say('report ITA', {
      user: DEMO_STAFF_ID,
      group: demoGroupIdOf(STAFF_AGENCY ?? ''),
    });
    expect(uris(inGroup).some((u) => u.includes(`/reports/measures/${STAFF_AGENCY}/`))).toBe(true);
  });

  it('gives a coordinator the tools page, and an agency they name', async () => {
    c = await startConversation();
    const bare = uris(await c.say('รายงาน ITA', { user: DEMO_COORDINATOR_ID }));
    expect(bare.some((u) => u.endsWith('/liff/tools'))).toBe(true);
    const named = uris(await c.say(`รายงาน ITA ${STAFF_AGENCY}`, { user: DEMO_COORDINATOR_ID }));
    expect(named.some((u) => u.includes(`/reports/analysis/${STAFF_AGENCY}/`))).toBe(true);
    expect(readable(await c.say('รายงาน ITA ไม่มีหน่วยงานนี้แน่นอน', { user: DEMO_COORDINATOR_ID }))).toContain(
      'ไม่พบหน่วยงาน',
    );
  });

  it('tells a citizen what the command is for and who may use it', async () => {
    c = await startConversation();
    const answer = readable(await c.say('รายงาน ITA', { user: DEMO_CITIZEN_ID }));
    expect(answer).toContain('ใช้ได้เฉพาะผู้รับผิดชอบงาน ITA ของหน่วยงานและผู้ประสานงาน ITA ของจังหวัด');
  });
});
