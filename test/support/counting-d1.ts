// A D1 binding that counts what it is asked to run: every statement (one in a batch counts as one) and every call
// to D1 (a batch is one). Counting queries is how the scheduler's D1 budget is tested; nothing here times anything.
import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types/index.ts';

export interface D1Counts {
  /** Statements run, each statement of a batch counted. */
  statements: number;
  /** Round trips to D1: a statement run alone, or a batch. */
  calls: number;
  /** The first words of each statement run, in order (to see where a budget went). */
  sql: string[];
}

const RUNS = new Set(['all', 'run', 'first', 'raw']);

export function countingD1(d1: D1Database): { d1: D1Database; counts: D1Counts; reset(): void } {
  const counts: D1Counts = { statements: 0, calls: 0, sql: [] };
  const texts = new WeakMap<object, string>();
  const note = (s: object) => counts.sql.push((texts.get(s) ?? '?').replace(/\s+/g, ' ').slice(0, 70));
  const targets = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement, text: string): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (property === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), text);
        if (typeof property === 'string' && RUNS.has(property) && typeof value === 'function')
          return (...args: unknown[]) => {
            counts.statements += 1;
            counts.calls += 1;
            note(proxy);
            return value.apply(target, args);
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    targets.set(proxy, statement);
    texts.set(proxy, text);
    return proxy;
  };
  const counted = new Proxy(d1, {
    get(target, property) {
      if (property === 'prepare') return (query: string) => wrap(target.prepare(query), query);
      if (property === 'batch')
        return (statements: D1PreparedStatement[]) => {
          counts.statements += statements.length;
          counts.calls += 1;
          for (const s of statements) note(s);
          return target.batch(statements.map((s) => targets.get(s) ?? s));
        };
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    d1: counted,
    counts,
    reset() {
      counts.statements = 0;
      counts.calls = 0;
      counts.sql = [];
    },
  };
}
