// For bench/webhook: our webhook's acknowledgement alone (Hono on @hono/node-server, signature, JSON, zod, 200)
// without the inbox, to show what the inbox costs on top of the HTTP edge. Not a product server.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { CallbackBody } from '../../bot/line/events/callback.ts';
import { verifyLineSignature } from '../../bot/line/signature.ts';

const secret = process.env.LINE_CHANNEL_SECRET ?? '';
const app = new Hono().post('/webhook', async (c) => {
  const raw = await c.req.text();
  if (!(await verifyLineSignature(raw, c.req.header('x-line-signature') ?? '', secret))) {
    return c.json({ error: 'unauthorized' }, 401);
  }
  const body = CallbackBody.safeParse(JSON.parse(raw));
  if (!body.success) return c.json({ error: 'bad_request' }, 400);
  return c.json({ received: body.data.events.length, new: 0 });
});
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) =>
  console.log(`listening ${info.port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
