// Work after the response on Node: an ExecutionContext shim whose waitUntil promises can be awaited at shutdown.
// Workers give `ctx.waitUntil` natively; @hono/node-server gives no ExecutionContext at all (PLATFORM-NOTES §5.1).
import type { ExecutionContext } from 'hono';

export interface Background {
  ctx: ExecutionContext;
  /** How many tasks are still running. */
  pending(): number;
  /** Resolves when every task started so far has settled. */
  settle(): Promise<void>;
}

export function createBackground(onError: (error: unknown) => void): Background {
  const tasks = new Set<Promise<unknown>>();
  const ctx: ExecutionContext = {
    waitUntil(promise) {
      const task = promise.then(
        () => undefined,
        (error: unknown) => onError(error),
      );
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
    },
    passThroughOnException() {},
    props: {},
  };
  return {
    ctx,
    pending: () => tasks.size,
    async settle() {
      while (tasks.size > 0) await Promise.all([...tasks]);
    },
  };
}
