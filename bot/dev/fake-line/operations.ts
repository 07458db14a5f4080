// The operations of messaging-api.yml (method, path template, host, body kind) and matching a request path to one.
import { isJsonObject } from './json.ts';
import type { OpenApiDocument, OpenApiOperation } from './openapi-schema.ts';

/** `api` is https://api.line.me; `api-data` is https://api-data.line.me (operations with their own `servers`). */
export type LineServer = 'api' | 'api-data';

export interface LineOperation {
  operationId: string;
  method: string;
  /** Path template as in the spec, e.g. `/v2/bot/profile/{userId}`. */
  path: string;
  server: LineServer;
  /** `json`: validated against `schemaName`; `binary`: content-type and size checks only. */
  body: 'json' | 'binary' | 'none';
  bodyRequired: boolean;
  schemaName: string | undefined;
}

export type OperationMatch =
  | { kind: 'found'; operation: LineOperation; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'unknown' };

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

interface Template {
  pattern: RegExp;
  names: string[];
  literals: number;
  byMethod: Map<string, LineOperation>;
}

export class OperationTable {
  readonly operations: LineOperation[];
  readonly #exact = new Map<string, Map<string, LineOperation>>();
  readonly #templates: Template[] = [];

  constructor(doc: OpenApiDocument) {
    this.operations = listOperations(doc);
    for (const op of this.operations) this.#add(op);
    // `/v2/bot/richmenu/alias/list` must win over `/v2/bot/richmenu/alias/{richMenuAliasId}`.
    this.#templates.sort((a, b) => b.literals - a.literals);
  }

  match(method: string, path: string): OperationMatch {
    const wanted = method.toUpperCase();
    const exact = this.#exact.get(path);
    if (exact !== undefined) return pick(exact, wanted, {});
    for (const template of this.#templates) {
      const found = template.pattern.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      template.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? '');
      });
      return pick(template.byMethod, wanted, params);
    }
    return { kind: 'unknown' };
  }

  #add(op: LineOperation): void {
    if (!op.path.includes('{')) {
      const byMethod = this.#exact.get(op.path) ?? new Map<string, LineOperation>();
      byMethod.set(op.method, op);
      this.#exact.set(op.path, byMethod);
      return;
    }
    const source = `^${op.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`;
    const existing = this.#templates.find((t) => t.pattern.source === new RegExp(source).source);
    if (existing !== undefined) {
      existing.byMethod.set(op.method, op);
      return;
    }
    this.#templates.push({
      pattern: new RegExp(source),
      names: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? ''),
      literals: op.path.split('/').filter((s) => s !== '' && !s.startsWith('{')).length,
      byMethod: new Map([[op.method, op]]),
    });
  }
}

function pick(
  byMethod: Map<string, LineOperation>,
  method: string,
  params: Record<string, string>,
): OperationMatch {
  const operation = byMethod.get(method);
  if (operation === undefined) return { kind: 'wrong-method', allowed: [...byMethod.keys()] };
  return { kind: 'found', operation, params };
}

function listOperations(doc: OpenApiDocument): LineOperation[] {
  const out: LineOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method) || !isJsonObject(raw)) continue;
      out.push(toOperation(path, method.toUpperCase(), raw as OpenApiOperation));
    }
  }
  return out;
}

function toOperation(path: string, method: string, op: OpenApiOperation): LineOperation {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json']?.schema;
  const ref = typeof json?.$ref === 'string' ? json.$ref.split('/').pop() : undefined;
  const body = json !== undefined ? 'json' : Object.keys(content).length > 0 ? 'binary' : 'none';
  return {
    operationId: op.operationId ?? `${method} ${path}`,
    method,
    path,
    server: Array.isArray(op.servers) && op.servers.length > 0 ? 'api-data' : 'api',
    body,
    bodyRequired: op.requestBody?.required === true,
    schemaName: ref,
  };
}
