// Injected faults: answer the next n (matching) requests with an error status, or hold their responses.
import type { FailOptions, HangOptions } from './types.ts';

interface Rule<T> {
  remaining: number;
  paths: ReadonlyArray<string | RegExp> | undefined;
  value: T;
}

export interface Hang {
  ms: number;
}

/** LINE's bodies for the statuses tests usually inject. */
const DEFAULT_BODIES: Record<number, unknown> = {
  400: { message: 'The request body has 1 error(s)', details: [] },
  401: {
    message: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
  },
  403: { message: 'Access to this API is not available for your account' },
  404: { message: 'Not found' },
  409: { message: 'The retry key is already accepted' },
  429: { message: 'Too many requests' },
  500: { message: 'Internal server error' },
  503: { message: 'Service unavailable' },
};

export function defaultFailureBody(status: number): unknown {
  return DEFAULT_BODIES[status] ?? { message: `Fake LINE failure ${status}` };
}

function matches(
  paths: ReadonlyArray<string | RegExp> | undefined,
  path: string,
  operationId: string | undefined,
): boolean {
  if (paths === undefined) return true;
  return paths.some((p) => (typeof p === 'string' ? p === path || p === operationId : p.test(path)));
}

/** Takes one use of the first rule that matches, dropping used-up rules. */
function take<T>(rules: Rule<T>[], path: string, operationId: string | undefined): T | undefined {
  const index = rules.findIndex((r) => matches(r.paths, path, operationId));
  const rule = rules[index];
  if (rule === undefined) return undefined;
  rule.remaining -= 1;
  if (rule.remaining <= 0) rules.splice(index, 1);
  return rule.value;
}

export class Faults {
  readonly #failures: Rule<FailOptions>[] = [];
  readonly #hangs: Rule<Hang>[] = [];

  failNext(n: number, options: FailOptions): void {
    if (n > 0) this.#failures.push({ remaining: n, paths: options.paths, value: options });
  }

  hangNext(n: number, ms: number, options: HangOptions = {}): void {
    if (n > 0) this.#hangs.push({ remaining: n, paths: options.paths, value: { ms } });
  }

  takeFailure(path: string, operationId: string | undefined): FailOptions | undefined {
    return take(this.#failures, path, operationId);
  }

  takeHang(path: string, operationId: string | undefined): Hang | undefined {
    return take(this.#hangs, path, operationId);
  }

  clear(): void {
    this.#failures.length = 0;
    this.#hangs.length = 0;
  }
}
