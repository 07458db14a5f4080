// The runtime-neutral database handle: a typed Kysely instance plus `batch`, the one way to write atomically.
import type {
  Compilable,
  CompiledQuery,
  DeleteResult,
  InsertResult,
  Kysely,
  MergeResult,
  UpdateResult,
} from 'kysely';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'd1';

/** A query for `batch`: a Kysely builder, or a compiled query (e.g. `sql\`…\`.compile(db.kysely)`). */
export type BatchQuery = Compilable<unknown> | CompiledQuery<unknown>;

/** Rows a query returns; write queries without RETURNING return none. */
type RowOf<Q> = Q extends Compilable<infer O> | CompiledQuery<infer O>
  ? O extends InsertResult | UpdateResult | DeleteResult | MergeResult
    ? never
    : O
  : never;

export interface BatchResult<O = Record<string, unknown>> {
  rows: O[];
  /**
   * Rows inserted, updated or deleted by this statement. On D1 this also counts rows changed by foreign-key
   * cascades (SQLite's does not): count deletes that cascade with RETURNING instead.
   */
  numAffectedRows: number;
}

export type BatchResults<Q extends readonly BatchQuery[]> = {
  -readonly [K in keyof Q]: BatchResult<RowOf<Q[K]>>;
};

/**
 * What the rest of the app gets. D1 has no interactive transactions (`kysely.transaction()` throws there;
 * PLATFORM-NOTES §6.2), so atomic writes are single statements or `batch`: one better-sqlite3 transaction on
 * Node, one `D1Database.batch()` on Workers — either every statement applies or none does. Do not use
 * `kysely.transaction()` on Node either: a batch started meanwhile would join it as a savepoint.
 */
export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  batch<const Q extends readonly BatchQuery[]>(queries: Q): Promise<BatchResults<Q>>;
  /**
   * After erasing content (a handled webhook event): SQLite files checkpoint the WAL and truncate it soon after,
   * so no old frame keeps what was erased (issue 14 §4). D1 has no such file: absent there.
   */
  checkpointAfterErase?(): void;
  close(): Promise<void>;
}

/**
 * Builds a typed `batch` from a runtime's runner, which gets the compiled queries and returns one result per
 * query in order. (An overload, because Array#map cannot produce the mapped tuple type.)
 */
export function makeBatch(run: (queries: CompiledQuery<unknown>[]) => Promise<BatchResult[]>): Db['batch'] {
  function batch<const Q extends readonly BatchQuery[]>(queries: Q): Promise<BatchResults<Q>>;
  function batch(queries: readonly BatchQuery[]): Promise<BatchResult[]> {
    if (queries.length === 0) return Promise.resolve([]); // D1 rejects an empty batch
    return run(queries.map((q) => ('compile' in q ? q.compile() : q)));
  }
  return batch;
}

/** The current lease holder of a claimed row; generated per claim so a stale worker's update matches nothing. */
export function newToken(): string {
  return crypto.randomUUID();
}
