import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.js';

/**
 * How deep a request may nest objects and arrays. The deepest legitimate body (a catalogue import)
 * nests about six levels; free-form application forms get the rest. Anything deeper is refused
 * before a recursive reader (a validator, a writer) can run out of stack on it.
 */
export const MAX_DEPTH = 32;

/**
 * Refuses, for every route at once, input no handler can use: text with a NUL character (PostgreSQL
 * cannot store U+0000 in text and fails the query) and values nested deeper than MAX_DEPTH. Path
 * parameters, the query string, the headers and the parsed body are walked before schema
 * validation, so each refusal is a 400 that names the field.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', (req: FastifyRequest, _reply, done) => {
    const found =
      hostile('params', req.params) ??
      hostile('query', req.query) ??
      hostile('headers', req.headers) ??
      hostile('body', req.body);
    done(found ? new AppError('validation_failed', {}, [found]) : undefined);
  });
}

/** The first NUL or over-deep value in a part of the request, walked without recursion. */
export function hostile(part: string, value: unknown): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: `/${part}`, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: v, path, depth } = next;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return nulIn(path);
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_DEPTH) return tooDeep(path);
    for (const [k, member] of Object.entries(v)) {
      if (k.includes('\u0000')) return nulIn(path);
      stack.push({ value: member, path: `${path}/${escape(k)}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A key as a JSON pointer segment, cut short: a path repeats in the answer. */
const escape = (k: string) => k.slice(0, 100).replace(/~/g, '~0').replace(/\//g, '~1');

const nulIn = (path: string): FieldError => ({
  path,
  code: 'nul',
  zh: '不能包含空字符（U+0000）',
  en: 'must not contain the NUL character (U+0000)',
});

const tooDeep = (path: string): FieldError => ({
  path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
  code: 'maxDepth',
  zh: `嵌套层数超过上限 ${MAX_DEPTH}`,
  en: `nests deeper than ${MAX_DEPTH} levels`,
});
