import type { FormInstance } from 'antd';
import { ApiError, type FieldError } from '../api/problem';
import { placeFieldErrors } from '../api/field-errors';

/**
 * Puts the server's field errors next to the fields they name (`/body/name` → the `name` field,
 * `/body/item/materials/0/name` with prefix `/body/item` → materials[0].name; placeFieldErrors
 * decides). Returns the errors that match no field on this form, to be shown above it.
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
  const registered = form.getFieldsError().map((f) => f.name);
  const { placed, rest } = placeFieldErrors(fieldErrors, fields, prefix, registered);
  form.setFields(placed.map((g) => ({ name: g.name, errors: g.errors })));
  return rest;
}
