// Issue 16 §1 on Workers: the Worker entry under `wrangler dev` with local D1 (workerd) and the fake LINE API, the
// scheduler run by the cron trigger. A pause left in D1 from LINE's last month is lifted by the first tick once LINE
// says the new month has room, and the backlog goes out most urgent first. On LINE's monthly-limit 429 sending
// pauses, nothing queued is lost, a coordinator is told in their next (free) reply, a tick in the same month sends
// nothing, and "ส่งต่อ" (POST /api/quota/resume) resumes at once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLine, startFakeLine } from '../../bot/dev/fake-line/index.ts';
import { lineMonthStart } from '../../bot/features/quota/line-month.ts';
import { PAUSE_SETTING, QUOTA_ALERT_TH } from '../../bot/line/outbox/index.ts';
import { signLineBody } from '../../bot/line/signature.ts';
import { priorityOf } from '../../db/queries/outbox.ts';
import { makeCallback, makeTextEvent, userSource } from '../support/events.ts';
import { startWranglerDev, type WranglerDev } from '../support/wrangler-dev.ts';

const SECRET = 'worker-quota-secret';
const TOKEN = 'worker-quota-token';
const LOGIN_CHANNEL_ID = '1234567890';
const COORDINATOR = `U${'a'.repeat(32)}`;
const CITIZEN = `U${'c'.repeat(32)}`;
const OFFICERS = `C${'0'.repeat(31)}1`;
const ANNOUNCED = `C${'0'.repeat(31)}2`;

/** Five days before LINE's current month began (LINE's month turns at 00:00 in Japan). */
const LAST_MONTH = new Date(lineMonthStart(new Date()).getTime() - 5 * 24 * 3600_000);

/** More announcements than one Workers tick sends (45, bot/worker.ts), queued before the complaint's messages. */
const ANNOUNCEMENTS = 48;

/**
 * D1 as a Worker would have left it last month when the quota ran out: 50 messages waiting, queued least urgent
 * first, and the pause the drain recorded then.
 */
function seedSql(): string {
  const at = LAST_MONTH.toISOString();
  const rows = [
    ...Array.from({ length: ANNOUNCEMENTS }, (_, i) => ({
      to: ANNOUNCED,
      source: 'broadcast',
      text: `ประกาศจากจังหวัด ฉบับที่ ${i + 1}`,
    })),
    { to: OFFICERS, source: 'complaint', text: 'มีเรื่องร้องเรียนใหม่' },
    { to: CITIZEN, source: 'complaint', text: 'เรื่องของท่านมีความคืบหน้า' },
  ].map((r) => {
    const messages = JSON.stringify([{ type: 'text', text: r.text }]);
    return `INSERT INTO outbox (kind, recipient, messages, retry_key, source_kind, state, attempts, next_attempt_at, created_at, priority) VALUES ('push', '${r.to}', '${messages}', '${randomUUID()}', '${r.source}', 'pending', 1, '${at}', '${at}', ${priorityOf(r.source, r.to)});`;
  });
  const pause = {
    since: at,
    reason: 'quota',
    detail: '{"message":"You have reached your monthly limit."}',
    requestId: null,
    coordinators: [COORDINATOR],
    alert: QUOTA_ALERT_TH,
    notified: [],
  };
  const setting = `INSERT INTO app_settings (key, value, updated_by, updated_at) VALUES ('${PAUSE_SETTING}', '${JSON.stringify(pause)}', 'system', '${at}');`;
  return [...rows, setting].join('\n');
}

let fake: FakeLine;
let worker: WranglerDev;

beforeAll(async () => {
  fake = await startFakeLine({ channelAccessToken: TOKEN, quotaLimit: 1_000 });
  worker = await startWranglerDev(
    {
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: fake.url,
      LINE_LOGIN_CHANNEL_ID: LOGIN_CHANNEL_ID,
      COMPLAINT_KEY: `${'A'.repeat(43)}=`,
      PUBLIC_BASE_URL: 'https://ita.example.go.th',
      PROVINCE_ID: 'tak',
      PROVINCE_NAME_TH: 'ตาก',
      ADMIN_LINE_USER_IDS: COORDINATOR,
    },
    { seedSql: seedSql() },
  );
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await fake?.close();
});

interface Health {
  outbox: { pending: number };
  sending: { paused: boolean; reason?: string; since?: string };
}

async function health(): Promise<Health> {
  return (await (await fetch(`${worker.url}/healthz`)).json()) as Health;
}

/** A signed webhook with these events; resolves once the Worker acknowledged it. */
async function post(...events: unknown[]): Promise<void> {
  const body = JSON.stringify(makeCallback(...events));
  const res = await fetch(`${worker.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': await signLineBody(body, SECRET) },
    body,
  });
  expect(res.status).toBe(200);
}

/** What the bot answered a coordinator's message with (the reply, once it reached LINE). */
async function say(text: string, replyToken?: string): Promise<string> {
  const event = makeTextEvent(text, { source: userSource(COORDINATOR) });
  const sent = replyToken === undefined ? event : { ...event, replyToken };
  await post(sent);
  await fake.waitFor(() => fake.replies().some((r) => r.replyToken === sent.replyToken), 10_000);
  return fake
    .replies()
    .filter((r) => r.replyToken === sent.replyToken)
    .flatMap((r) => r.messages.map((m) => ('text' in m ? String(m.text) : '')))
    .join('\n');
}

const pushedTo = () => fake.pushes().map((p) => p.to[0]);

describe('the monthly limit on Workers (D1)', () => {
  it('lifts last month’s pause once LINE says the new month has room, and sends most urgent first', async () => {
    const waiting = ANNOUNCEMENTS + 2;
    expect(await health()).toMatchObject({
      outbox: { pending: waiting },
      sending: { paused: true, reason: 'quota' },
    });
    // LINE's figure for this month is still at the limit (the plan's allowance was used up again): it stays.
    fake.totalUsage = 1_000;
    await worker.tick();
    expect(await health()).toMatchObject({ outbox: { pending: waiting }, sending: { paused: true } });
    expect(fake.pushes()).toEqual([]);
    // The new month has room: the tick resumes before its drain. A tick sends at most 45 (6 at a time): the
    // citizen's update and the officers' card are among them, though queued after every announcement.
    fake.totalUsage = 0;
    await worker.tick();
    expect(await health()).toMatchObject({ outbox: { pending: waiting - 45 }, sending: { paused: false } });
    expect(pushedTo()).toHaveLength(45);
    expect(pushedTo()).toEqual(expect.arrayContaining([CITIZEN, OFFICERS]));
    await worker.tick();
    expect((await health()).outbox.pending).toBe(0);
    expect(pushedTo().filter((to) => to === ANNOUNCED)).toHaveLength(ANNOUNCEMENTS);
    expect(fake.violations()).toEqual([]);
  }, 60_000);

  it('pauses on the 429, tells the coordinator in a reply, holds in the same month, resumes from "ส่งต่อ"', async () => {
    fake.reset();
    fake.registerIdToken('tok-coordinator', { sub: COORDINATOR, aud: LOGIN_CHANNEL_ID });
    fake.setQuotaExhausted(true);
    // A reply LINE refuses (its token already used) falls back to a push at once, which meets the monthly limit.
    const first = makeTextEvent('ช่วยเหลือ', { source: userSource(COORDINATOR) });
    await say('ช่วยเหลือ', first.replyToken);
    await post({
      ...makeTextEvent('ช่วยเหลือ', { source: userSource(COORDINATOR) }),
      replyToken: first.replyToken,
    });
    await expect
      .poll(() => health().then((h) => h.sending), { timeout: 10_000 })
      .toMatchObject({
        paused: true,
        reason: 'quota',
      });
    expect((await health()).outbox.pending).toBe(1);
    expect(fake.pushes()).toEqual([]);
    expect(fake.requests.some((r) => r.path === '/v2/bot/message/push' && r.status === 429)).toBe(true);

    // The coordinator's next message is answered (free) with the alert, once.
    expect(await say('สิทธิ์ของฉัน')).toContain(QUOTA_ALERT_TH);
    expect(await say('สิทธิ์ของฉัน')).not.toContain(QUOTA_ALERT_TH);

    // A tick in the same LINE month sends nothing and loses nothing.
    await worker.tick();
    expect(await health()).toMatchObject({ outbox: { pending: 1 }, sending: { paused: true } });
    expect(fake.pushes()).toEqual([]);

    // The plan was raised: "ส่งต่อ" in the mini-app (coordinators only) resumes at once; the next tick sends.
    fake.setQuotaExhausted(false);
    expect((await fetch(`${worker.url}/api/quota/resume`, { method: 'POST' })).status).toBe(401);
    const resumed = await fetch(`${worker.url}/api/quota/resume`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-coordinator' },
    });
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toMatchObject({ resumed: true });
    expect((await health()).sending.paused).toBe(false);
    await worker.tick();
    expect(await health()).toMatchObject({ outbox: { pending: 0 }, sending: { paused: false } });
    expect(pushedTo()).toEqual([COORDINATOR]);
    expect(fake.violations()).toEqual([]);
  }, 60_000);
});
