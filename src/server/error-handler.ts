import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, pickLang, toProblem } from './errors.js';
import { fieldErrorsFromValidation } from './validation-errors.js';
import { storageFailureOf, type StorageFailure } from '../db/storage-failure.js';

/** What a client is told when the database cannot take writes, and how long it should wait. */
const STORAGE_ERRORS: Record<
  StorageFailure,
  { code: 'storage_full' | 'storage_read_only' | 'database_unavailable'; retryAfter: number }
> = {
  full: { code: 'storage_full', retryAfter: 30 },
  read_only: { code: 'storage_read_only', retryAfter: 30 },
  unavailable: { code: 'database_unavailable', retryAfter: 5 },
};

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const lang = pickLang(req.headers['accept-language']);
  const problem = toProblem(err, lang, req.url.split('?')[0], String(req.id));
  if (typeof err.extra.retryAfter === 'number') reply.header('retry-after', String(err.extra.retryAfter));
  return reply
    .status(err.status)
    .header('content-language', lang)
    .type('application/problem+json; charset=utf-8')
    .send(problem);
}

function toAppError(err: FastifyError): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err.validation) {
    // The detail summarises the fields in the reader's language (toProblem).
    return new AppError(
      'validation_failed',
      {},
      fieldErrorsFromValidation(err.validation, err.validationContext),
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { type: 'content-type' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_body', { reason: 'empty JSON body' });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('malformed_body', { reason: 'content-length' });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('uri_too_long');
    case 'FST_ERR_BAD_URL':
      return new AppError('malformed_request', { reason: 'URL' });
    // A multipart body that ends before its closing boundary: the upload stream closes early.
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return new AppError('malformed_body', { reason: 'the multipart body ends early' });
  }
  if (MULTIPART_BROKEN.test(err.message)) return new AppError('malformed_body', { reason: err.message });
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new AppError('malformed_body', { reason: err.message });
  if (err.statusCode === 429) return new AppError('rate_limited', { retryAfter: 60 }, [], { retryAfter: 60 });
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError('malformed_body', { reason: err.message });
  return undefined;
}

/** What the multipart parser (busboy) says of a body cut short or garbled; its errors carry no code. */
const MULTIPART_BROKEN =
  /^(Unexpected end of multipart data|\w+ terminated early|Multipart: Boundary not found)/;

/** Errors Fastify meets before a route is found (an over-long path parameter, a bad URL). */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendProblem(req, reply, toAppError(err) ?? new AppError('malformed_request', { reason: err.code }));
}

/**
 * Any error as the AppError a client is told: the application's own, Fastify's refusals, a storage
 * failure (503 with Retry-After; `writeFailed` is told, for /readyz), else an internal error (logged).
 * Shared by every error format the server speaks (problem+json; Open311's error list).
 */
export function appErrorOf(
  err: FastifyError,
  req: FastifyRequest,
  writeFailed: (failure: StorageFailure) => void = () => undefined,
): AppError {
  const appErr = toAppError(err);
  if (appErr) return appErr;
  const failure = storageFailureOf(err);
  if (failure) {
    // Logged with the engine's own error, which the answer does not show.
    req.log.warn({ err }, `database write failed: ${failure}`);
    writeFailed(failure);
    const { code, retryAfter } = STORAGE_ERRORS[failure];
    return new AppError(code, { retryAfter }, [], { retryAfter });
  }
  req.log.error({ err }, 'unhandled error');
  return new AppError('internal');
}

/**
 * @param writeFailed told when a write failed because of the database's storage (the database
 *   handle's writeFailed: /readyz counts it).
 */
export function installErrorHandling(
  app: FastifyInstance,
  writeFailed: (failure: StorageFailure) => void = () => undefined,
) {
  app.setErrorHandler((err: FastifyError, req, reply) =>
    sendProblem(req, reply, appErrorOf(err, req, writeFailed)),
  );
}
