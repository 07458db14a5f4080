// The webhook body as far as the edge must trust it; each event is kept whole for its handler to narrow.
import type { webhook } from '@line/bot-sdk';
import { z } from 'zod';

const EventEnvelope = z
  .object({
    type: z.string().min(1),
    timestamp: z.number(),
    webhookEventId: z.string().min(1).max(64),
    mode: z.enum(['active', 'standby']).optional(),
  })
  .passthrough();

export const CallbackBody = z.object({
  destination: z.string().min(1),
  events: z.array(EventEnvelope).max(500),
});

/** A webhook event after the signature check: typed as LINE's union, narrowed by `type` in the dispatcher. */
export type LineEvent = webhook.Event;

/** Reasons a body is malformed, one line each, for the 400 answer. */
export function describeBodyError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}
