// Turns a LINE OpenAPI document into one ajv-ready JSON Schema (the rewrite of PLATFORM-NOTES §4).
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { isJsonObject, type JsonObject } from './json.ts';

export interface OpenApiOperation {
  operationId?: string;
  servers?: unknown[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonObject> };
}

const DROPPED_KEYWORDS = new Set(['discriminator', 'example', 'examples', 'externalDocs', 'nullable']);
const COMPONENT_REF = '#/components/schemas/';
const BASE_SUFFIX = '__Base';

export function loadOpenApi(file: URL): OpenApiDocument {
  const doc = load(readFileSync(file, 'utf8'));
  if (!isJsonObject(doc) || !isJsonObject(doc.paths) || !isJsonObject(doc.components)) {
    throw new Error(`${file.pathname} is not an OpenAPI document`);
  }
  const schemas = doc.components.schemas;
  if (!isJsonObject(schemas)) throw new Error(`${file.pathname} has no components.schemas`);
  return doc as unknown as OpenApiDocument;
}

/** `#/components/schemas/X` → `#/$defs/X`, the form used inside the generated schema. */
export function toDefsRef(ref: string): string {
  return ref.startsWith(COMPONENT_REF) ? `#/$defs/${ref.slice(COMPONENT_REF.length)}` : ref;
}

export interface RewriteOptions {
  /**
   * Also refuse discriminator values missing from the mapping. Right for request bodies (a message
   * `type` LINE does not know is a bug of ours); wrong for webhooks, where new event types keep coming.
   */
  closedDiscriminators?: boolean;
}

/**
 * All component schemas as `$defs` of one schema with the given `$id`. Each discriminated parent P
 * becomes `allOf: [P__Base, if type=k then child_k …]`, and the children extend `P__Base`, so the
 * discriminator is enforced without the infinite recursion of a naive `oneOf`.
 */
export function toJsonSchema(doc: OpenApiDocument, id: string, options: RewriteOptions = {}): JsonObject {
  const defs: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(doc.components.schemas)) defs[name] = rewrite(schema);
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    const discriminator = discriminatorOf(schema);
    if (discriminator === undefined) continue;
    const { propertyName, mapping } = discriminator;
    const branches = mappingBranches(propertyName, mapping);
    if (options.closedDiscriminators === true) {
      branches.unshift({ properties: { [propertyName]: { enum: Object.keys(mapping) } } });
    }
    defs[name + BASE_SUFFIX] = defs[name];
    defs[name] = { allOf: [{ $ref: `#/$defs/${name}${BASE_SUFFIX}` }, ...branches] };
    for (const childRef of Object.values(mapping)) pointChildAtBase(defs, childRef, name);
  }
  return { $id: id, $defs: defs };
}

interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

function discriminatorOf(schema: JsonObject): Discriminator | undefined {
  const discriminator = schema.discriminator;
  if (!isJsonObject(discriminator) || !isJsonObject(discriminator.mapping)) return undefined;
  if (typeof discriminator.propertyName !== 'string') return undefined;
  const mapping: Record<string, string> = {};
  for (const [key, ref] of Object.entries(discriminator.mapping))
    if (typeof ref === 'string') mapping[key] = ref;
  return { propertyName: discriminator.propertyName, mapping };
}

function mappingBranches(propertyName: string, mapping: Record<string, string>): JsonObject[] {
  return Object.entries(mapping).map(([value, ref]) => ({
    if: { properties: { [propertyName]: { const: value } }, required: [propertyName] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword; this object is never awaited.
    then: { $ref: toDefsRef(ref) },
  }));
}

function pointChildAtBase(defs: Record<string, unknown>, childRef: string, parent: string): void {
  const child = defs[toDefsRef(childRef).slice('#/$defs/'.length)];
  if (!isJsonObject(child) || !Array.isArray(child.allOf)) return;
  const parentRef = `#/$defs/${parent}`;
  child.allOf = child.allOf.map((part: unknown) =>
    isJsonObject(part) && part.$ref === parentRef ? { $ref: parentRef + BASE_SUFFIX } : part,
  );
}

/** A copy of one schema without the OpenAPI-only keywords, with refs pointing into `$defs`. */
function rewrite(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewrite);
  if (!isJsonObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = toDefsRef(value);
    else if (key === 'properties' && isJsonObject(value)) out.properties = rewriteEach(value);
    else out[key] = rewrite(value);
  }
  return out;
}

/** Property maps: the keys are names, not keywords, so none is dropped. */
function rewriteEach(properties: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(properties)) out[name] = rewrite(schema);
  return out;
}
