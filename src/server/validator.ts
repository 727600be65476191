import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// removeAdditional stays off: with anyOf/allOf schemas Ajv strips fields while it tries the first
// branch (a per-unit fee rule lost its unitFen). Unknown fields are refused instead, by name.
const base = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;

// Query strings and path parameters arrive as text and are coerced ("2" → 2); JSON bodies carry
// their own types, so a number where a string belongs is an error, not something to guess at.
const textParts = jsDates(addFormats(new Ajv({ ...base, coerceTypes: 'array' })));
const bodies = jsDates(addFormats(new Ajv({ ...base, coerceTypes: false })));

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

export const schemaCompiler: FastifySchemaCompiler<AnySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : textParts).compile(schema) as ValidateFunction;
