import { Type, type TSchema, type Static } from '@sinclair/typebox';

/** A string enum that validates with one clear error ("must be one of …"), unlike a union of literals. */
/** The pattern of text that must not be only blanks (its validation message says so). */
export const NOT_BLANK = '\\S';

export const StringEnum = <T extends readonly string[]>(
  values: T,
  opts: { description?: string; default?: T[number] } = {},
) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });

export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

/** A page number: bounded, so a huge one is a 400 that gives the range, not an offset the database refuses. */
export const PageNumber = Type.Integer({ minimum: 1, maximum: 100000, default: 1 });

/** A real calendar date, YYYY-MM-DD: 2026-02-30 is refused by the validator, on both databases. */
export const IsoDate = (opts: { description?: string } = {}) =>
  Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD', ...opts });

/** A real date (YYYY-MM-DD) or a month (YYYY-MM); the format is registered in server/validator.ts. */
export const IsoDateOrMonth = (opts: { description?: string } = {}) =>
  Type.String({ format: 'date-or-month', description: 'YYYY-MM-DD or YYYY-MM', ...opts });

export const PageQuery = Type.Object({
  page: PageNumber,
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export type PageQueryT = Static<typeof PageQuery>;

export const paged = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

export const toLimitOffset = (q: { page: number; pageSize: number }) => ({
  limit: q.pageSize,
  offset: (q.page - 1) * q.pageSize,
});

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
    ),
    // What some errors carry besides their message (ProblemExtra in server/errors.ts): a field left
    // out here would be dropped from the body by the serializer.
    allowedActions: Type.Optional(
      Type.Array(Type.String(), { description: 'invalid_state on a case: the actions possible now' }),
    ),
    retryAfter: Type.Optional(Type.Integer({ description: 'seconds to wait, as in the Retry-After header' })),
    unpaidForms: Type.Optional(
      Type.Array(Type.String(), { description: 'invalid_state for fees: the payment forms still open' }),
    ),
    reasons: Type.Optional(
      Type.Array(Type.String(), { description: 'invalid_state for fees: why, in English' }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** The one Problem schema by reference: the application registers it once (app.addSchema). */
const ProblemRef = Type.Unsafe<Static<typeof ProblemSchema>>(
  Type.Ref(ProblemSchema.$id!, { description: 'problem+json' }),
);

/** Responses every route may give besides its success. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ProblemRef]));
