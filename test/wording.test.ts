// The wording rules over every message text: ท่าน (never คุณ as "you"), "กลุ่ม LINE", Thai units, a change said
// in words ("ลดลง 1.17 คะแนน"), and no stray English — checked over the source's Thai strings and over what the
// bot actually sends when each kind of person uses it (commands, buttons, a complaint, reminders).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../bot/features/plan/reminders.ts';
import { drainOutbox } from '../bot/line/outbox/index.ts';
import { DEMO_STAFF_AGENCY_IDS } from '../bot/tools/demo/agencies.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_OFFICER_ID,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../bot/tools/demo/line.ts';
import { bangkokTime } from '../core/index.ts';
import { buttons, type Conversation, readable, startConversation } from './bot/line/events/conversation.ts';
import { checkAndClose } from './support/harness.ts';

/** "คุณ" as a pronoun: not ขอบคุณ (thank you), คุณธรรม (integrity), คุณภาพ (quality), คุณค่า, คุณสมบัติ. */
const KHUN = /(?<!ขอบ)คุณ(?!ธรรม|ภาพ|ค่า|สมบัติ|ลักษณะ|วุฒิ)/;
const LINE_GROUP = /กลุ่มไลน์|กลุ่มไลน|(?<!ออน)ไลน์/;
const UNITS = /\d\s*(?:KB|MB|GB)\b|\b(?:KB|MB|GB)\b/;
const SIGNED_DROP = /ลดลง\s*[-−]/;

/** Latin words a Thai reader meets on purpose: the ITA's own terms, LINE, file kinds and the commands' aliases. */
const ALLOWED_ENGLISH = new Set(
  [
    'ITA',
    'IIT',
    'EIT',
    'OIT',
    'ITAS',
    'LINE',
    'QR',
    'Word',
    'CSV',
    'XLSX',
    'JSON',
    'HTML',
    'PDF',
    'No',
    'Gift',
    'Policy', // the NACC's own name of a measure ("No Gift Policy")
    // English aliases of commands, as ช่วยเหลือ lists them
    'help',
    'whoami',
    'roles',
    'tasks',
    'task',
    'report',
    'track',
    'complaint',
    'complaints',
    'my',
    'cancel',
    'progress',
    'announce',
    'bind',
    'bindcode',
    'unbind',
    'grant',
    'revoke',
    'claim',
    'reopen',
    'work',
    'coordinator',
    'staff',
    'officer',
  ].map((w) => w.toLowerCase()),
);

function problemsIn(text: string): string[] {
  const out: string[] = [];
  if (KHUN.test(text)) out.push('คุณ → ท่าน');
  if (LINE_GROUP.test(text)) out.push('ไลน์ → LINE');
  if (UNITS.test(text)) out.push('MB/KB → เมกะไบต์/กิโลไบต์');
  if (SIGNED_DROP.test(text)) out.push('ลดลง -x → ลดลง x');
  return out;
}

/** Latin words outside links, tracking codes, ids and the allowed list. */
function strayEnglish(text: string): string[] {
  const plain = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}\b/g, ' ')
    .replace(/\bU[0-9a-f]{32}\b/g, ' ')
    .replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, ' '); // agency ids ("pathum-thani-health")
  return (plain.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_ENGLISH.has(w.toLowerCase()));
}

// ---- the source: every Thai string literal and JSX text
const ROOT = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'line-openapi', 'dev']);
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const LITERAL = /'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"|>[^<>{}\n]*</g;

describe('wording in the source', () => {
  const files = ['bot', 'liff/src', 'core'].flatMap(sources);

  it('reads the strings it checks', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('says ท่าน, กลุ่ม LINE and Thai units in every Thai string', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const literal of readFileSync(join(ROOT, file), 'utf8').match(LITERAL) ?? []) {
        if (!/[\u0E00-\u0E7F]/.test(literal)) continue;
        const text = literal.replace(/\$\{[^}]*\}/g, ' ');
        for (const p of problemsIn(text)) found.push(`${file}: ${p}: ${text.slice(0, 90)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(problemsIn('ขอบคุณค่ะ คุณธรรมและความโปร่งใส ช่องทางออนไลน์')).toEqual([]);
    expect(problemsIn('หากคุณเป็นผู้รับผิดชอบ')).toEqual(['คุณ → ท่าน']);
    expect(problemsIn('ในกลุ่มไลน์ของหน่วยงาน')).toEqual(['ไลน์ → LINE']);
    expect(problemsIn('รูปละไม่เกิน 1 MB')).toEqual(['MB/KB → เมกะไบต์/กิโลไบต์']);
    expect(problemsIn('ลดลง -1.17 คะแนน')).toEqual(['ลดลง -x → ลดลง x']);
    expect(strayEnglish('พิมพ์ "งาน" (tasks) ดู deadline ของ ITA https://x.example/a')).toEqual(['deadline']);
  });
});

// ---- what the bot sends
describe('wording of what the bot sends', () => {
  let c: Conversation;
  beforeAll(async () => {
    c = await startConversation();
  }, 60_000);
  afterAll(() => checkAndClose(c.h));

  const [AGENCY = ''] = DEMO_STAFF_AGENCY_IDS;
  const group = demoGroupIdOf(AGENCY);
  const people = [DEMO_CITIZEN_ID, DEMO_STAFF_ID, DEMO_COORDINATOR_ID, DEMO_OFFICER_ID];
  const said = [
    'ช่วยเหลือ',
    'สิทธิ์ของฉัน',
    'งาน',
    'IIT',
    'EIT',
    'EIT สาธารณสุข',
    'รายงาน IIT 45',
    'รายงาน EIT',
    'รายงาน ITA',
    'ติดตาม',
    'ติดตาม ABCDE-FGHIJ-KLMNP',
    'ติดตาม 23456',
    'เรื่องของฉัน',
    'ประกาศ',
    'รหัสผูกกลุ่ม',
    'ให้สิทธิ์',
    'ถอนสิทธิ์',
    'ยกเลิก',
    'ร้องเรียน',
    'ยกเลิก',
    'สวัสดี',
  ];

  it('keeps the rules in every answer to every kind of person, in 1:1 chat and in a group', async () => {
    const found: string[] = [];
    for (const user of people) {
      for (const text of said) {
        const answer = await c.say(text, { user });
        // One level of buttons too: what each button of the answer says when pressed.
        for (const [, data] of buttons(answer))
          if (data.startsWith('a=') && !data.includes('flow')) await c.press(data, { user });
      }
      for (const text of ['ช่วยเหลือ', 'งาน', 'IIT', 'EIT', 'รายงาน IIT 45', 'รายงาน ITA', 'ติดตาม'])
        await c.say(text, { user, group });
    }
    // The scheduler's reminders to the groups and the overdue digest to the coordinator.
    const tick = bangkokTime(2026, 6, 24, 8, 30);
    await runReminders(c.h.deps, tick);
    await drainOutbox(c.h.deps, tick);
    const sent = c.h.fake.sent();
    expect(sent.length).toBeGreaterThan(100);
    for (const record of sent) {
      const text = readable(record.messages);
      for (const p of problemsIn(text)) found.push(`${p}: ${text.slice(0, 120)}`);
      for (const w of strayEnglish(text)) found.push(`English "${w}": ${text.slice(0, 120)}`);
    }
    expect([...new Set(found)]).toEqual([]);
  }, 120_000);
});
