import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// removeAdditional stays off: with anyOf/allOf schemas Ajv strips fields while it tries the first
// branch (a per-unit fee rule lost its unitFen). Unknown fields are refused instead, by name.
// strictNumbers: JSON like 1e400 parses to Infinity, which is no number a handler can use.
const base = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  strictNumbers: true,
} as const;

// Query strings and path parameters arrive as text and are coerced ("2" → 2); JSON bodies carry
// their own types, so a number where a string belongs is an error, not something to guess at.
const textParts = months(jsDates(addFormats(new Ajv({ ...base, coerceTypes: 'array' }))));
const bodies = months(jsDates(addFormats(new Ajv({ ...base, coerceTypes: false }))));

/**
 * RFC 3339 allows a leap second (23:59:60), which JavaScript's Date cannot hold: a handler turning
 * such a value into a Date would fail with a 500. A date-time is valid here only if Date reads it.
 */
function jsDates(ajv: Ajv): Ajv {
  const rfc = ajv.formats['date-time'] as {
    validate: (s: string) => boolean;
    compare?: (a: string, b: string) => number | undefined;
  };
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => rfc.validate(s) && !Number.isNaN(Date.parse(s)),
    ...(rfc.compare ? { compare: rfc.compare } : {}),
  });
  return ajv;
}

/** 'date-or-month': a real calendar date (YYYY-MM-DD, checked as 'date' is) or a month (YYYY-MM). */
function months(ajv: Ajv): Ajv {
  const date = ajv.formats.date as { validate: (s: string) => boolean };
  ajv.addFormat('date-or-month', {
    type: 'string',
    validate: (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s) || date.validate(s),
  });
  return ajv;
}

export const schemaCompiler: FastifySchemaCompiler<AnySchema> = ({ schema, httpPart }) =>
  httpPart === 'body'
    ? bodies.compile(int32Bounded(schema))
    : finiteOnly(textParts.compile(int32Bounded(schema)));

/**
 * An integer a schema leaves unbounded is held to the 32-bit range of the database's integer
 * columns (versions, numbers, days): past it PostgreSQL refuses the query and the client got a 500.
 * Money, a bigint, always declares its own bounds. Applied to a copy, so the OpenAPI document keeps
 * the schemas as written.
 */
function int32Bounded(schema: AnySchema): AnySchema {
  if (Array.isArray(schema)) return schema.map((s: AnySchema) => int32Bounded(s));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = int32Bounded(v as AnySchema);
  if (out.type === 'integer') {
    out.minimum ??= -2_147_483_648;
    out.maximum ??= 2_147_483_647;
  }
  return out;
}

type Checked = ((data: unknown) => boolean) & { errors?: ValidateFunction['errors'] };

/**
 * Coercion turns "1e400" into Infinity, and Ajv lets that through where a bound does not catch it
 * (strictNumbers or not): a text part is valid only if every number it coerced to is finite.
 */
function finiteOnly(validate: ValidateFunction): Checked {
  const checked: Checked = (data) => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const at = nonFinite(data);
    checked.errors =
      at === undefined
        ? null
        : [{ instancePath: at, schemaPath: '#', keyword: 'type', params: { type: 'number' }, message: '' }];
    return at === undefined;
  };
  return checked;
}

/** Where a query or path object (values, or arrays of values) holds a non-finite number. */
function nonFinite(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  for (const [k, v] of Object.entries(data)) {
    const values: unknown[] = Array.isArray(v) ? v : [v];
    const i = values.findIndex((x) => typeof x === 'number' && !Number.isFinite(x));
    if (i >= 0) return Array.isArray(v) ? `/${k}/${i}` : `/${k}`;
  }
  return undefined;
}
