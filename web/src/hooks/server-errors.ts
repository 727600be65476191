import type { FormInstance } from 'antd';
import { ApiError, pointerToName, type FieldError } from '../api/problem';

/**
 * Puts the server's field errors next to the fields they name (`/body/name` → the `name` field,
 * `/body/item/materials/0/name` with prefix `/body/item` → materials[0].name). Returns the errors
 * that match no field on this form, to be shown above it.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  prefix = '/body',
): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return applyFieldErrors(form, error.fieldErrors, fields, prefix);
}

/** The same for a list of field errors (e.g. what one prefix left over, tried with another). */
export function applyFieldErrors(
  form: FormInstance,
  fieldErrors: FieldError[],
  fields: readonly string[],
  prefix = '/body',
): FieldError[] {
  const known = new Set(fields);
  const grouped = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const rest: FieldError[] = [];
  for (const fe of fieldErrors) {
    const name = pointerToName(fe.path, prefix);
    if (!name || typeof name[0] !== 'string' || !known.has(name[0])) {
      rest.push(fe);
      continue;
    }
    const key = JSON.stringify(name);
    const g = grouped.get(key) ?? { name, errors: [] };
    g.errors.push(fe.message);
    grouped.set(key, g);
  }
  form.setFields([...grouped.values()].map((g) => ({ name: g.name, errors: g.errors })));
  return rest;
}
