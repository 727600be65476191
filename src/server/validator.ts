import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// removeAdditional stays off: with anyOf/allOf schemas Ajv strips fields while it tries the first
// branch (a per-unit fee rule lost its unitFen). Unknown fields are refused instead, by name.
const base = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false } as const;

// Query strings and path parameters arrive as text and are coerced ("2" → 2); JSON bodies carry
// their own types, so a number where a string belongs is an error, not something to guess at.
const textParts = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
const bodies = addFormats(new Ajv({ ...base, coerceTypes: false }));

export const schemaCompiler: FastifySchemaCompiler<any> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : textParts).compile(schema) as ValidateFunction;
