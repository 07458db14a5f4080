// /dev, local mode only: the LINE chat simulator page and its API. A message typed on the page becomes a signed
// webhook event posted to this app's real /webhook; what the fake LINE API received comes back per chat.
import { type ExecutionContext, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { formatThaiDate } from '../../core/index.ts';
import type { Deps } from '../deps.ts';
import { signLineBody } from '../line/signature.ts';
import type { TickReport } from '../scheduler.ts';
import { DEMO_USERS } from '../tools/demo/line.ts';
import type { FakeLineState } from './fake-line/state.ts';
import { urlMapperFor } from './simulator/actions.ts';
import {
  IdTokenBody,
  inputOf,
  jsonBody,
  MessagesQuery,
  parse,
  SendBody,
  shownAs,
  TickBody,
} from './simulator/api-input.ts';
import { loadSimulatorAssets } from './simulator/assets.ts';
import { SimulatedClock } from './simulator/clock.ts';
import { loadDirectory } from './simulator/directory.ts';
import { buildEvent } from './simulator/events.ts';
import { EVERY_CHAT, type HistoryEntry, SimulatorHistory } from './simulator/history.ts';
import { renderMessage, renderQuickReply } from './simulator/render.ts';

export interface DevOptions {
  /** The fake LINE API this app sends to in local mode: the simulator shows what it received. */
  fake: FakeLineState;
  /**
   * Hands a request to this same app (its real /webhook route). The simulator passes its own execution
   * context and waits for the work after the response, so a send returns once the bot has answered.
   */
  fetch: (request: Request, ctx: ExecutionContext) => Response | Promise<Response>;
  /** Runs the scheduler as if the clock read `at` (reminders, nudges, the outbox drain). */
  runScheduler: (at: Date) => Promise<TickReport>;
}

const NAMES = new Map(DEMO_USERS.map((u) => [u.userId, u.displayName]));

export function devRoutes(deps: Deps, options: DevOptions) {
  const assets = loadSimulatorAssets();
  const page = assets.get('page.html');
  if (page === undefined) throw new Error('the simulator page was not loaded');
  // The app's clock becomes the simulator's: a scheduler run at a chosen time moves it (clock.ts).
  const clock = new SimulatedClock(deps.now);
  deps.now = clock.now;
  const history = new SimulatorHistory(options.fake, clock.now);
  // Images come on the https stand-in (LINE takes no other): mapped back to this server. Links already name it.
  const mapUrl = urlMapperFor(deps.mediaBaseUrl ?? deps.publicBaseUrl);

  const present = (e: HistoryEntry) => {
    const last = e.messages?.at(-1);
    const at = new Date(e.at);
    return {
      ...e,
      // The bubble's time and the day above it, as LINE shows them, in the Buddhist era.
      time: formatThaiDate(at, 'short', { time: true }).split(' ').slice(3).join(' '),
      day: formatThaiDate(at, 'short'),
      name: e.userId === undefined ? undefined : (NAMES.get(e.userId) ?? e.userId),
      html: e.messages?.map((m) => renderMessage(m, mapUrl)).join(''),
      quickReply: last === undefined ? undefined : renderQuickReply(last, mapUrl),
    };
  };

  /** Posts one signed event to /webhook and waits for the bot's work on it; the reply is in the fake afterwards. */
  const post = async (url: string, event: object): Promise<Response> => {
    const raw = JSON.stringify({ destination: options.fake.botUserId, events: [event] });
    const headers = {
      'content-type': 'application/json',
      'x-line-signature': await signLineBody(raw, deps.channelSecret),
    };
    const work: Promise<unknown>[] = [];
    const ctx: ExecutionContext = {
      waitUntil: (p) => void work.push(p),
      passThroughOnException() {},
      props: {},
    };
    const response = await options.fetch(
      new Request(new URL('/webhook', url), { method: 'POST', headers, body: raw }),
      ctx,
    );
    while (work.length > 0) await Promise.allSettled(work.splice(0));
    return response;
  };

  return (
    new Hono()
      .get('/', (c) => c.body(page.body, 200, { 'content-type': page.type, 'cache-control': 'no-store' }))
      .get('/assets/:file', (c) => {
        const asset = assets.get(c.req.param('file'));
        if (asset === undefined)
          throw new HTTPException(404, { message: `no simulator file ${c.req.param('file')}` });
        return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
      })
      .get('/api/directory', async (c) => c.json(await loadDirectory(deps.db, deps.accountName)))
      .get('/api/messages', (c) => {
        const query = parse(MessagesQuery, c.req.query());
        const entries = history.since(query.chat, query.after).map(present);
        return c.json({ cursor: history.cursor, entries, clock: clockOf(clock) }, 200, {
          'cache-control': 'no-store',
        });
      })
      .post('/api/send', async (c) => {
        const body = parse(SendBody, await jsonBody(c.req.raw));
        history.add({ chat: body.chat, ...shownAs(body) });
        const token = history.issueReplyToken(body.chat);
        const event = buildEvent({ as: body.as, chat: body.chat }, inputOf(body), token, deps.now());
        const response = await post(c.req.url, event);
        if (!response.ok) {
          return c.json(
            {
              error: 'webhook_failed',
              message: `/webhook answered ${response.status}: ${await response.text()}`,
            },
            502,
          );
        }
        return c.json({ webhookEventId: event.webhookEventId, cursor: history.cursor });
      })
      // The LIFF identity switcher of local mode (issue 7 §1): an ID token for a demo person, registered with
      // the fake LINE API, so that /api signs in through the same verify call as with real LINE. The answer
      // also lists the demo people, so the app signs in with one round trip before its first screen.
      .get('/api/liff-identities', (c) => c.json({ users: DEMO_USERS }))
      .post('/api/id-token', async (c) => {
        const { as } = parse(IdTokenBody, await jsonBody(c.req.raw));
        const user = as === undefined ? DEMO_USERS[0] : DEMO_USERS.find((u) => u.userId === as);
        const channelId = deps.liff.loginChannelId;
        if (user === undefined || channelId === undefined) {
          throw new HTTPException(400, { message: 'ไม่มีผู้ใช้ทดลองคนนี้' });
        }
        const idToken = `local-${crypto.randomUUID()}`;
        options.fake.registerIdToken(idToken, { sub: user.userId, name: user.displayName, aud: channelId });
        return c.json({ idToken, user, users: DEMO_USERS }, 200, { 'cache-control': 'no-store' });
      })
      .post('/api/tick', async (c) => {
        const at = new Date(parse(TickBody, await jsonBody(c.req.raw)).at);
        clock.set(at);
        const report = await options.runScheduler(at);
        const label = formatThaiDate(at, 'long', { time: true });
        history.add({ chat: EVERY_CHAT, from: 'note', text: tickNote(label, report) });
        return c.json({ at: at.toISOString(), label, report, cursor: history.cursor, clock: clockOf(clock) });
      })
      // "เวลาจริง": the clock goes back to the real time.
      .post('/api/clock/reset', (c) => {
        clock.reset();
        history.add({ chat: EVERY_CHAT, from: 'note', text: `กลับเป็นเวลาจริง: ${clockOf(clock).label}` });
        return c.json({ clock: clockOf(clock), cursor: history.cursor });
      })
  );
}

/** What the page's clock shows: the time in the Buddhist era, and whether it is simulated. */
function clockOf(clock: SimulatedClock) {
  const now = clock.now();
  return {
    at: now.toISOString(),
    label: formatThaiDate(now, 'short', { time: true }),
    simulated: clock.simulated,
  };
}

function tickNote(label: string, r: TickReport): string {
  const failed = r.failed > 0 ? ` · ส่งไม่สำเร็จ ${r.failed}` : '';
  return `รันตัวจัดตารางเวลา ณ ${label}: แจ้งเตือนใหม่ ${r.remindersQueued} · ชวนตอบแบบสำรวจ ${r.nudgesQueued} · ส่งออก ${r.sent} ข้อความ${failed}`;
}
