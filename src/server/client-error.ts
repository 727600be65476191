import http from 'node:http';
import type { Socket } from 'node:net';
import { AppError, pickLang, toProblem } from './errors.js';

/** What Node gives a client error: its parser code, and the bytes it could not parse. */
type ConnectionError = Error & { code?: string; rawPacket?: unknown };

/**
 * Answers what Node refuses before Fastify sees a request (a URL or headers beyond the parser's
 * limit, a malformed request line) with problem+json, in the language the request asked for when
 * its bytes say so. The connection is half-closed and its unread input drained: closing it with
 * input unread would reset it, and the client would see no answer at all.
 */
export function clientErrorHandler(err: ConnectionError, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.toString('latin1') : '';
  const appErr = toAppError(err, raw);
  const lang = pickLang(/\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(raw)?.[1]);
  const body = JSON.stringify(toProblem(appErr, lang));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${appErr.status} ${http.STATUS_CODES[appErr.status] ?? ''}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Language: ${lang}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.resume();
  socket.end();
  // A client that never closes its side is cut off after a while.
  setTimeout(() => socket.destroy(), 5000).unref();
}

function toAppError(err: ConnectionError, raw: string): AppError {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError('request_timeout');
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // Without a whole request line within the limit, it is the URL that is too long.
    const lineEnd = raw.indexOf('\r\n');
    return lineEnd < 0 || lineEnd > 8 * 1024
      ? new AppError('uri_too_long')
      : new AppError('headers_too_large');
  }
  return new AppError('malformed_request', { reason: err.code ?? err.message });
}
