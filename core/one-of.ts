// Type guards for a value that must be one of a fixed list of strings (statuses, types, periods, form steps).

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
