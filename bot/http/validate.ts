// zod at the /api edge (STYLE.md: validate with zod, never cast input): Hono validators whose output types
// flow into the typed client, and one 400 answer that names every field that is wrong.
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import type { z } from 'zod';

/** The fields a 400 names: `{ path: 'rows.3.score', message: '…' }`, in the body as `issues`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class ValidationError extends HTTPException {
  constructor(readonly issues: FieldIssue[]) {
    super(400, {
      message: `ข้อมูลไม่ถูกต้อง: ${issues.map((i) => `${i.path || 'ข้อมูล'} — ${i.message}`).join('; ')}`,
    });
  }
}

function check<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

export const jsonOf = <T extends z.ZodType>(schema: T) =>
  validator('json', (value): z.output<T> => check(schema, value));

export const queryOf = <T extends z.ZodType>(schema: T) =>
  validator('query', (value): z.output<T> => check(schema, value));

export const paramOf = <T extends z.ZodType>(schema: T) =>
  validator('param', (value): z.output<T> => check(schema, value));
