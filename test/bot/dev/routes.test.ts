// /dev in local mode: the page and its files, signed events through the real /webhook, what LINE received per
// chat, the scheduler clock, refusals, bad input, and no /dev at all outside local mode.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../bot/app.ts';
import { devRoutes } from '../../../bot/dev/routes.ts';
import { SIMULATOR_NEW_GROUP_ID } from '../../../bot/dev/simulator/directory.ts';
import { buildEvent } from '../../../bot/dev/simulator/events.ts';
import { listOpenTasks } from '../../../bot/features/plan/tasks.ts';
import { homeProvinceId } from '../../../bot/line/chat/who.ts';
import {
  DEMO_CITIZEN_ID,
  DEMO_COORDINATOR_ID,
  DEMO_STAFF_AGENCY_IDS,
  DEMO_STAFF_ID,
  demoGroupIdOf,
} from '../../../bot/tools/demo/index.ts';
import { fiscalYearOf } from '../../../core/index.ts';
import { enqueueMessages } from '../../../db/queries/outbox.ts';
import { type LocalApp, nextReminder, startLocalApp } from '../../e2e/local-app.ts';

const NOW_FOR_EVENT = new Date('2026-11-23T03:00:00.000Z');

const STAFF_GROUP = demoGroupIdOf(DEMO_STAFF_AGENCY_IDS[0] ?? '');

interface Entry {
  n: number;
  from: string;
  userId?: string;
  text?: string;
  via?: string;
  html?: string;
  quickReply?: string;
  messages?: { type: string; text?: string }[];
}

let local: LocalApp;

beforeEach(async () => {
  local = await startLocalApp();
});

afterEach(async () => {
  await local.close();
});

const post = (path: string, body: unknown) =>
  local.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function send(body: Record<string, unknown>): Promise<{ webhookEventId: string; cursor: number }> {
  const res = await post('/dev/api/send', body);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

async function messages(chat: string, after = 0): Promise<Entry[]> {
  const res = await local.app.request(`/dev/api/messages?chat=${chat}&after=${after}`);
  expect(res.status).toBe(200);
  const body: { entries: Entry[] } = await res.json();
  return body.entries;
}

/** The page action of each `data-act` in rendered HTML, as the page's script reads them. */
const actionsIn = (html: string) =>
  [...html.matchAll(/data-act="([^"]*)"/g)].map((m) =>
    JSON.parse((m[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')),
  );

describe('GET /dev', () => {
  it('serves the Thai page, its script and style, and the Sarabun font files', async () => {
    const page = await local.app.request('/dev');
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('lang="th"');
    expect(html).toContain('ตัวจำลองแชต LINE');
    for (const file of [
      'page.js',
      'page.css',
      'sarabun-thai-400-normal.woff2',
      'sarabun-latin-700-normal.woff2',
    ]) {
      const res = await local.app.request(`/dev/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(1000);
    }
    expect(
      (await local.app.request('/dev/assets/sarabun-thai-400-normal.woff2')).headers.get('content-type'),
    ).toBe('font/woff2');
    expect((await local.app.request('/dev/assets/../../node.ts')).status).toBe(404);
    expect((await local.app.request('/dev/assets/secret.txt')).status).toBe(404);
  });

  it('lists the demo people and the province’s bound groups, the staff member’s own first', async () => {
    const res = await local.app.request('/dev/api/directory');
    const directory: {
      accountName: string;
      people: { userId: string; role: string }[];
      groups: { id: string; name: string; mine: boolean }[];
    } = await res.json();
    expect(directory.accountName).toBe('ITA จังหวัดปทุมธานี');
    expect(directory.people.map((p) => p.role)).toEqual([
      'ผู้ประสานงานจังหวัด',
      'เจ้าหน้าที่หน่วยงาน',
      'เจ้าหน้าที่รับเรื่องร้องเรียน',
      'ประชาชน',
    ]);
    expect(directory.groups[0]).toEqual({ id: STAFF_GROUP, name: 'กลุ่ม สสจ.ปทุมธานี', mine: true });
    expect(directory.groups.filter((g) => g.mine)).toHaveLength(DEMO_STAFF_AGENCY_IDS.length);
    expect(directory.groups.length).toBeGreaterThan(20);
    expect(directory.groups.at(-1)).toEqual({
      id: SIMULATOR_NEW_GROUP_ID,
      name: expect.stringContaining('ยังไม่ผูก'),
      mine: false,
    });
  });
});

describe('POST /dev/api/send', () => {
  it('posts a citizen’s text as a signed event and shows the bot’s reply in that 1:1 chat', async () => {
    const sent = await send({ as: DEMO_CITIZEN_ID, chat: DEMO_CITIZEN_ID, text: 'ช่วยเหลือ' });
    const entries = await messages(DEMO_CITIZEN_ID);
    expect(entries.map((e) => [e.from, e.via])).toEqual([
      ['user', undefined],
      ['bot', 'reply'],
    ]);
    expect(entries[0]).toMatchObject({ userId: DEMO_CITIZEN_ID, text: 'ช่วยเหลือ' });
    expect(entries[1]?.messages?.[0]?.text).toContain('คำสั่งที่ใช้ได้ในแชตนี้');
    expect(entries[1]?.html).toContain('คำสั่งที่ใช้ได้ในแชตนี้');
    // It went through the real webhook: the inbox recorded the event and the fake got a reply for this chat.
    const row = await local.deps.db.kysely
      .selectFrom('webhook_inbox')
      .selectAll()
      .where('webhook_event_id', '=', sent.webhookEventId)
      .executeTakeFirst();
    expect(row?.event_type).toBe('message');
    expect(local.fake.replies()).toHaveLength(1);
    expect(local.fake.messagesTo(DEMO_CITIZEN_ID)).toHaveLength(1);
    expect(await messages(DEMO_CITIZEN_ID, sent.cursor)).toEqual([]);
    expect(await messages(DEMO_COORDINATOR_ID)).toEqual([]);
    expect(local.fake.violations()).toEqual([]);
  });

  it('renders the quick reply of a message not understood, and pressing it brings the help', async () => {
    await send({ as: DEMO_CITIZEN_ID, chat: DEMO_CITIZEN_ID, text: 'สวัสดี' });
    const [, answer] = await messages(DEMO_CITIZEN_ID);
    const [action] = actionsIn(answer?.quickReply ?? '');
    expect(action).toEqual({ kind: 'message', text: 'ช่วยเหลือ' });
    const { cursor } = await send({ as: DEMO_CITIZEN_ID, chat: DEMO_CITIZEN_ID, text: action.text });
    const after = await messages(DEMO_CITIZEN_ID, cursor - 2);
    expect(after.map((e) => e.from)).toEqual(['user', 'bot']);
    expect(after[1]?.messages?.[0]?.text).toContain('คำสั่งที่ใช้ได้');
    expect(local.fake.violations()).toEqual([]);
  });

  it('answers staff in their agency’s group, shown to anyone who opens that group', async () => {
    await send({ as: DEMO_STAFF_ID, chat: STAFF_GROUP, text: 'help' });
    const entries = await messages(STAFF_GROUP);
    expect(entries.map((e) => e.from)).toEqual(['user', 'bot']);
    expect(entries[1]?.messages?.[0]?.text).toContain('ในกลุ่มนี้ (เจ้าหน้าที่หน่วยงาน)');
    expect(await messages(DEMO_STAFF_ID)).toEqual([]);
    expect(local.fake.violations()).toEqual([]);
  });

  it('posts a pressed button as a postback event and shows its display text as the person’s message', async () => {
    const data = 'a=simulator-test&x=1';
    const sent = await send({
      as: DEMO_STAFF_ID,
      chat: STAFF_GROUP,
      postback: { data, displayText: 'เสร็จแล้ว', label: 'เสร็จแล้ว' },
    });
    const row = await local.deps.db.kysely
      .selectFrom('webhook_inbox')
      .select(['event_type', 'state', 'payload'])
      .where('webhook_event_id', '=', sent.webhookEventId)
      .executeTakeFirst();
    // Recorded and handled through the real /webhook; a handled event keeps only its id and type.
    expect(row).toEqual({ event_type: 'postback', state: 'done', payload: '{}' });
    // The event the simulator signs and posts for that button:
    const event = buildEvent(
      { as: DEMO_STAFF_ID, chat: STAFF_GROUP },
      { kind: 'postback', data },
      'token',
      NOW_FOR_EVENT,
    );
    expect(event).toMatchObject({
      type: 'postback',
      postback: { data },
      source: { type: 'group', groupId: STAFF_GROUP, userId: DEMO_STAFF_ID },
    });
    expect((await messages(STAFF_GROUP))[0]).toMatchObject({ from: 'user', text: 'เสร็จแล้ว' });

    await send({ as: DEMO_STAFF_ID, chat: STAFF_GROUP, postback: { data, label: 'ดูงาน' } });
    expect((await messages(STAFF_GROUP)).at(-1)).toMatchObject({ from: 'note', text: 'กดปุ่ม “ดูงาน”' });
  });

  it('greets a new friend (follow) and a group the bot was added to (join)', async () => {
    await send({ as: DEMO_CITIZEN_ID, chat: DEMO_CITIZEN_ID, event: 'follow' });
    await send({ as: DEMO_STAFF_ID, chat: SIMULATOR_NEW_GROUP_ID, event: 'join' });
    expect((await messages(DEMO_CITIZEN_ID)).at(-1)?.messages?.[0]?.text).toContain('ขอบคุณที่เพิ่ม');
    expect((await messages(SIMULATOR_NEW_GROUP_ID)).at(-1)?.messages?.[0]?.text).toContain('ผูกกลุ่ม');
    expect(local.fake.violations()).toEqual([]);
  });
});

describe('POST /dev/api/tick', () => {
  it('runs the scheduler at the chosen time and lists what it pushed to a group', async () => {
    const at = '2025-07-01T09:00:00+07:00';
    // A message waiting in the outbox for the group, as a reminder would be: the tick's drain sends it.
    await enqueueMessages(
      local.deps.db,
      [
        {
          kind: 'push',
          to: STAFF_GROUP,
          messages: [{ type: 'text', text: 'แจ้งเตือน: ส่งแบบ ITA ภายในวันนี้ค่ะ' }],
        },
      ],
      new Date('2025-07-01T01:00:00Z'),
    );
    const res = await post('/dev/api/tick', { at });
    expect(res.status).toBe(200);
    const body: { label: string; report: { sent: number } } = await res.json();
    expect(body.label).toBe('1 กรกฎาคม 2568 09:00 น.');
    expect(body.report.sent).toBeGreaterThanOrEqual(1);
    expect(local.ticks).toEqual([new Date(at)]);
    const entries = await messages(STAFF_GROUP);
    expect(entries).toContainEqual(
      expect.objectContaining({
        from: 'bot',
        via: 'push',
        messages: [expect.objectContaining({ text: expect.stringContaining('แจ้งเตือน') })],
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ from: 'note', text: expect.stringContaining('1 กรกฎาคม 2568') }),
    );
    expect(local.fake.violations()).toEqual([]);
  });

  it('delivers a deadline reminder at the chosen time; its เสร็จแล้ว button, pressed in the group, is answered', async () => {
    const due = await nextReminder(local.deps, DEMO_STAFF_AGENCY_IDS);
    const group = demoGroupIdOf(due.agencyId);
    const open = async () =>
      (
        await listOpenTasks(
          local.deps.db,
          (await homeProvinceId(local.deps.db)) ?? '',
          fiscalYearOf(due.at),
          [due.agencyId],
        )
      ).length;
    const openBefore = await open();
    expect((await post('/dev/api/tick', { at: due.at.toISOString() })).status).toBe(200);
    const reminder = (await messages(group)).find((e) => e.from === 'bot' && e.via === 'push');
    expect(reminder?.messages?.[0]?.type).toBe('flex');
    const done = actionsIn(reminder?.html ?? '').find((a) => a.kind === 'postback');
    expect(done).toMatchObject({ kind: 'postback', label: 'เสร็จแล้ว', data: expect.any(String) });

    const last = (await messages(group)).at(-1)?.n ?? 0;
    await send({
      as: DEMO_STAFF_ID,
      chat: group,
      postback: { data: done.data, displayText: done.displayText, label: done.label },
    });
    const after = await messages(group, last);
    expect(after.map((e) => [e.from, e.via])).toEqual([
      ['user', undefined],
      ['bot', 'reply'],
    ]);
    expect(after[0]?.text).toBe(done.displayText);
    expect(await open()).toBe(openBefore - 1);
    expect(local.fake.violations()).toEqual([]);
  });

  it("moves the simulator's clock to the chosen time: the header, the bubbles and the bot's answers read it, in the Buddhist era", async () => {
    const at = '2027-01-15T14:30:00+07:00';
    const ran: { clock: { label: string; simulated: boolean } } = await (
      await post('/dev/api/tick', { at })
    ).json();
    expect(ran.clock).toMatchObject({
      simulated: true,
      label: expect.stringMatching(/^15 ม\.ค\. 2570 14:3\d น\.$/),
    });
    // What a person does next happens at the simulated time: the app's clock reads it too.
    expect(Math.abs(local.deps.now().getTime() - new Date(at).getTime())).toBeLessThan(60_000);
    await send({ as: DEMO_CITIZEN_ID, chat: DEMO_CITIZEN_ID, text: 'ช่วยเหลือ' });
    const res = await local.app.request(`/dev/api/messages?chat=${DEMO_CITIZEN_ID}&after=0`);
    const body: { clock: { simulated: boolean }; entries: (Entry & { day: string; time: string })[] } =
      await res.json();
    expect(body.clock.simulated).toBe(true);
    const mine = body.entries.filter((e) => e.from === 'user' || e.from === 'bot');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const e of mine) {
      expect(e.day).toBe('15 ม.ค. 2570');
      expect(e.time).toMatch(/^14:3\d น\.$/);
    }
    // "กลับเป็นเวลาจริง": the real time again.
    const reset: { clock: { label: string; simulated: boolean } } = await (
      await post('/dev/api/clock/reset', {})
    ).json();
    expect(reset.clock.simulated).toBe(false);
    expect(Math.abs(local.deps.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('shows a send LINE refused in the chat it was meant for', async () => {
    await enqueueMessages(
      local.deps.db,
      [{ kind: 'push', to: STAFF_GROUP, messages: [{ type: 'text', text: 'ก'.repeat(5001) }] }],
      new Date(),
    );
    await post('/dev/api/tick', { at: new Date().toISOString() });
    expect(local.fake.violations()).not.toEqual([]);
    expect(await messages(STAFF_GROUP)).toContainEqual(
      expect.objectContaining({ from: 'refused', text: expect.stringContaining('LINE ไม่รับข้อความนี้ (400)') }),
    );
  });
});

describe('bad input to the simulator API', () => {
  const citizen = { as: DEMO_CITIZEN_ID, chat: DEMO_CITIZEN_ID };
  it.each([
    ['no text, postback or event', citizen, 'exactly one of text, postback or event'],
    ['text and postback', { ...citizen, text: 'x', postback: { data: 'a=1' } }, 'exactly one'],
    ['a user id that is not LINE’s', { as: 'U123', chat: 'U123', text: 'x' }, 'as: must be a LINE user id'],
    ['someone else’s 1:1 chat', { as: DEMO_CITIZEN_ID, chat: DEMO_STAFF_ID, text: 'x' }, 'chat: a 1:1 chat'],
    ['blank text', { ...citizen, text: '   ' }, 'text: must not be blank'],
    ['text over 5,000 characters', { ...citizen, text: 'ก'.repeat(5001) }, 'text:'],
    [
      'postback data over 300 characters',
      { ...citizen, postback: { data: 'a'.repeat(301) } },
      'postback.data:',
    ],
    [
      'follow in a group',
      { as: DEMO_STAFF_ID, chat: STAFF_GROUP, event: 'follow' },
      'event: follow happens in 1:1',
    ],
    ['join in 1:1', { ...citizen, event: 'join' }, 'event: join happens in a group'],
    ['a body that is not JSON', '{"as":', 'body is not JSON'],
  ])('refuses %s with 400 and a reason', async (_name, body, reason) => {
    const res = await post('/dev/api/send', body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(reason);
    expect(local.fake.requests).toEqual([]);
  });

  it.each([
    ['/dev/api/messages', 'chat:'],
    [`/dev/api/messages?chat=${DEMO_CITIZEN_ID}&after=-1`, 'after:'],
    ['/dev/api/messages?chat=Cxyz', 'chat: must be a LINE user, group or room id'],
  ])('refuses GET %s with 400 and a reason', async (path, reason) => {
    const res = await local.app.request(path);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(reason);
  });

  it.each([
    [{ at: '2025-07-01T09:00' }, 'at:'],
    [{}, 'at:'],
  ])('refuses a tick at %j with 400', async (body, reason) => {
    const res = await post('/dev/api/tick', body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(reason);
    expect(local.ticks).toEqual([]);
  });
});

describe('POST /dev/api/id-token', () => {
  async function signInAs(
    body: unknown,
  ): Promise<{ idToken: string; user: { userId: string }; users: unknown[] }> {
    const res = await post('/dev/api/id-token', body);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return res.json();
  }

  const me = async (idToken: string) =>
    local.app.request('/api/me', { headers: { authorization: `Bearer ${idToken}` } });

  it('signs in as the coordinator and lists every demo person when no one is named', async () => {
    const answer = await signInAs({});
    expect(answer.user.userId).toBe(DEMO_COORDINATOR_ID);
    expect(answer.users.map((u) => (u as { userId: string }).userId)).toContain(DEMO_CITIZEN_ID);
    const res = await me(answer.idToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ userId: DEMO_COORDINATOR_ID, isCoordinator: true });
  });

  it('gives a token /api accepts for the demo person named', async () => {
    const answer = await signInAs({ as: DEMO_STAFF_ID });
    expect(answer.user.userId).toBe(DEMO_STAFF_ID);
    expect(await (await me(answer.idToken)).json()).toMatchObject({
      userId: DEMO_STAFF_ID,
      isCoordinator: false,
    });
  });

  it('answers 400 for someone who is not a demo person, or not a user id', async () => {
    for (const as of ['U0123456789abcdef0123456789abcdef', 'somchai']) {
      expect((await post('/dev/api/id-token', { as })).status, as).toBe(400);
    }
  });
});

describe('/dev outside local mode', () => {
  it('is 404 when real LINE credentials are set, even if dev options are passed', async () => {
    const dev = {
      fake: local.fake,
      fetch: () => new Response(null),
      runScheduler: async () => {
        throw new Error('never');
      },
    };
    const app = createApp({ ...local.deps, localMode: false }, { dev: devRoutes(local.deps, dev) });
    for (const [method, path] of [
      ['GET', '/dev'],
      ['GET', '/dev/api/directory'],
      ['POST', '/dev/api/send'],
      ['POST', '/dev/api/tick'],
    ]) {
      expect((await app.request(path ?? '', { method })).status, `${method} ${path}`).toBe(404);
    }
  });

  it('is 404 in local mode when no dev options are given', async () => {
    expect((await createApp(local.deps).request('/dev')).status).toBe(404);
  });
});
