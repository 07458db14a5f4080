// Small helpers for the simulator's server-side rendering: HTML escaping and safe reads of untyped JSON.

/** A JSON object; what LINE message objects are once they left the typed code that built them. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function strOf(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

export function numOf(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === 'number' ? value : undefined;
}

export function objOf(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key];
  return isObject(value) ? value : undefined;
}

/** The objects of an array field; anything else in it is skipped. */
export function listOf(object: JsonObject, key: string): JsonObject[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element's content or a double-quoted attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** `style="…"` from CSS declarations, leaving out the empty ones. */
export function styleAttr(declarations: readonly (string | undefined | false)[]): string {
  const kept = declarations.filter((d): d is string => typeof d === 'string' && d !== '');
  return kept.length === 0 ? '' : ` style="${esc(kept.join(';'))}"`;
}

/** A CSS colour from LINE's `#RRGGBB` / `#RRGGBBAA`; anything else is dropped rather than injected into CSS. */
export function cssColor(value: string | undefined): string | undefined {
  return value !== undefined && /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(value) ? value : undefined;
}
