// LINE's OpenAPI specs as a runtime contract: request bodies by operation, webhook bodies, plus LINE's size limits.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { type ContractError, checkLimits } from './limits.ts';
import { loadOpenApi, toJsonSchema } from './openapi-schema.ts';
import { type LineOperation, type OperationMatch, OperationTable } from './operations.ts';

export type { ContractError } from './limits.ts';
export type { LineOperation, LineServer, OperationMatch } from './operations.ts';

export interface ContractResult {
  operationId?: string;
  /** Readable `property: message` lines; empty when the request is valid. */
  errors: string[];
  /** The same errors as LINE's `details` (`{message, property}`), property like `messages[0].text`. */
  details: ContractError[];
}

const SPEC_DIR = new URL('../line-openapi/', import.meta.url);
const MESSAGING_ID = 'messaging-api.json';
const WEBHOOK_ID = 'webhook.json';
/** OpenAPI formats that ajv-formats lacks or that add nothing for JSON values (int64 IDs are plain numbers). */
const NO_OP_FORMATS = ['int32', 'int64', 'float', 'double', 'binary', 'byte'];

interface Loaded {
  ajv: Ajv;
  table: OperationTable;
  validators: Map<string, ValidateFunction>;
}

let loaded: Loaded | undefined;

/** Parses both YAML files and registers them with ajv, once per process; validators compile lazily. */
function contract(): Loaded {
  if (loaded !== undefined) return loaded;
  const messaging = loadOpenApi(new URL('messaging-api.yml', SPEC_DIR));
  const webhook = loadOpenApi(new URL('webhook.yml', SPEC_DIR));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(toJsonSchema(messaging, MESSAGING_ID, { closedDiscriminators: true }));
  ajv.addSchema(toJsonSchema(webhook, WEBHOOK_ID));
  loaded = { ajv, table: new OperationTable(messaging), validators: new Map() };
  return loaded;
}

function addFormats(ajv: Ajv): void {
  addFormatsPlugin(ajv, ['uri', 'uuid', 'date-time']);
  for (const format of NO_OP_FORMATS) ajv.addFormat(format, true);
}

function validatorFor(id: string, schemaName: string): ValidateFunction {
  const { ajv, validators } = contract();
  const key = `${id}#${schemaName}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `${id}#/$defs/${schemaName}` });
    validators.set(key, validate);
  }
  return validate;
}

/** Every operation of messaging-api.yml. */
export function lineOperations(): readonly LineOperation[] {
  return contract().table.operations;
}

export function matchOperation(method: string, path: string): OperationMatch {
  return contract().table.match(method, path);
}

/** Checks one JSON request against the spec's requestBody schema and LINE's size limits. */
export function validateRequest(method: string, path: string, body: unknown): ContractResult {
  const match = matchOperation(method, path);
  if (match.kind === 'unknown') {
    return result(undefined, [{ property: '', message: `LINE has no endpoint ${path}` }]);
  }
  if (match.kind === 'wrong-method') {
    const allowed = match.allowed.join(', ');
    return result(undefined, [
      { property: '', message: `${method} is not allowed on ${path} (only ${allowed})` },
    ]);
  }
  return validateOperationBody(match.operation, body);
}

export function validateOperationBody(operation: LineOperation, body: unknown): ContractResult {
  const { operationId, schemaName } = operation;
  if (operation.body !== 'json' || schemaName === undefined) return result(operationId, []);
  if (body === undefined) {
    return result(
      operationId,
      operation.bodyRequired ? [{ property: '', message: 'a JSON body is required' }] : [],
    );
  }
  const validate = validatorFor(MESSAGING_ID, schemaName);
  const details = validate(body) ? [] : fromAjv(validate.errors ?? []);
  // A limit the spec also encodes (5 messages, 13 quick replies) is reported once, by the spec.
  const reported = new Set(details.map((d) => d.property));
  const limits = checkLimits(operationId, body).filter((d) => !reported.has(d.property));
  return result(operationId, [...details, ...limits]);
}

/** Checks a webhook body against webhook.yml `CallbackRequest` (for event factories in tests). */
export function validateWebhook(body: unknown): ContractResult {
  const validate = validatorFor(WEBHOOK_ID, 'CallbackRequest');
  return result(undefined, validate(body) ? [] : fromAjv(validate.errors ?? []));
}

function result(operationId: string | undefined, details: ContractError[]): ContractResult {
  const errors = details.map((d) => (d.property === '' ? d.message : `${d.property}: ${d.message}`));
  return operationId === undefined ? { errors, details } : { operationId, errors, details };
}

/** ajv errors as LINE-style `{property, message}`, without the `if`/`then` noise of the discriminator rewrite. */
function fromAjv(errors: ErrorObject[]): ContractError[] {
  const seen = new Set<string>();
  const out: ContractError[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const detail = describe(error);
    const key = `${detail.property}\u0000${detail.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(detail);
  }
  return out;
}

function describe(error: ErrorObject): ContractError {
  const base = toProperty(error.instancePath);
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return { property: joinProperty(base, params.missingProperty), message: 'is required' };
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return { property: base, message: `must be one of ${params.allowedValues.map(String).join(', ')}` };
  }
  return { property: base, message: error.message ?? error.keyword };
}

/** `/messages/0/text` → `messages[0].text`. */
export function toProperty(instancePath: string): string {
  let out = '';
  for (const raw of instancePath.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out = /^\d+$/.test(part) ? `${out}[${part}]` : joinProperty(out, part);
  }
  return out;
}

export function joinProperty(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`;
}
