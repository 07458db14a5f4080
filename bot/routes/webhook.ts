// POST /webhook: verify the signature over the raw body, record each event once, answer 200, work afterwards.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Deps } from '../deps.ts';
import { CallbackBody, describeBodyError } from '../events/callback.ts';
import { processEvents, recordEvents } from '../inbox.ts';
import { verifyLineSignature } from '../line/signature.ts';

export function webhookRoutes(deps: Deps) {
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

    // Recording is one INSERT … ON CONFLICT DO NOTHING: duplicates and redeliveries return no id.
    const fresh = await recordEvents(deps.db, body.data.events, deps.now());
    if (fresh.length > 0) c.executionCtx.waitUntil(processEvents(deps, fresh));
    return c.json({ received: body.data.events.length, new: fresh.length });
  });
}
