import type { FastifyReply, FastifyRequest } from 'fastify';

const HEARTBEAT_MS = 15_000;

/** Whether the client asked for a stream of events (EventSource always does). */
export const wantsEvents = (req: FastifyRequest): boolean =>
  String(req.headers.accept ?? '').includes('text/event-stream');

/**
 * Turns the reply into a server-sent event stream: `send` writes one event; `subscribe` is called
 * once with it and returns what to do when the client goes away. A comment every 15 s keeps proxies
 * from closing an idle stream.
 */
export function openEventStream(
  req: FastifyRequest,
  reply: FastifyReply,
  subscribe: (send: (event: string, data: unknown) => void) => () => void,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(req.id),
  });
  res.write('retry: 2000\n\n');
  const send = (event: string, data: unknown) => {
    if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const stop = subscribe(send);
  const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  beat.unref();
  req.raw.once('close', () => {
    clearInterval(beat);
    stop();
  });
}
