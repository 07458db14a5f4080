// POST /webhook: verify the signature over the raw body, record each event once, answer 200, work afterwards.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Deps } from '../deps.ts';
import { CallbackBody, describeBodyError } from './events/callback.ts';
import { createWebhookInbox } from './inbox.ts';
import { verifyLineSignature } from './signature.ts';

export function webhookRoutes(deps: Deps) {
  const inbox = createWebhookInbox(deps);
  return new Hono().post('/', async (c) => {
    const signature = c.req.header('x-line-signature');
    if (signature === undefined || signature === '') {
      throw new HTTPException(401, { message: 'missing x-line-signature header' });
    }
    const raw = await c.req.text();
    if (!(await verifyLineSignature(raw, signature, deps.channelSecret))) {
      throw new HTTPException(401, { message: 'x-line-signature does not match the body' });
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new HTTPException(400, { message: 'body is not JSON' });
    }
    const body = CallbackBody.safeParse(json);
    if (!body.success) throw new HTTPException(400, { message: describeBodyError(body.error) });

    // Recorded and claimed in one INSERT … ON CONFLICT DO NOTHING, committed before the 200: duplicates and
    // redeliveries are not new. Events recorded but never handled (a crash) go to the scheduler.
    const accepted = await inbox.accept(body.data.events, deps.now()).catch((error: unknown) => {
      // Nothing of the request was recorded (one transaction): 503 lets LINE redeliver, if redelivery is on.
      deps.log.error('webhook events not recorded', { error: String(error) });
      throw new HTTPException(503, { message: 'events could not be recorded; try again' });
    });
    if (accepted.handling !== undefined) c.executionCtx.waitUntil(accepted.handling);
    return c.json({ received: body.data.events.length, new: accepted.fresh });
  });
}
