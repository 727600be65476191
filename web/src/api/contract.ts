// The server's contract as the web application reads it: every API type here is taken from
// generated/openapi.ts, which scripts/gen-api-types.ts writes from the server's OpenAPI document.
import type { components, paths } from './generated/openapi';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** What an operation answers on success (200, or 201 when it creates). */
export type Ok<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : never
    : never;

/** The JSON body an operation takes. */
export type Body<P extends keyof paths, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type Schemas = components['schemas'];
