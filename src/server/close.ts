import type { FastifyInstance } from 'fastify';

/** How long a stop waits for the requests in hand before it cuts the connections left. */
export const CLOSE_LIMIT_MS = 10_000;

const closing = new WeakSet<object>();

/**
 * Every answer sent once a stop has begun says `Connection: close`, so its client opens no further
 * request on that connection (one it sent meanwhile would meet a closed socket: a reset, not an
 * answer) and the connection ends with the answer. Installed when the app is built: a callback hook
 * checking one flag.
 */
export function installGracefulClose(app: FastifyInstance): void {
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing.has(app.server)) reply.header('connection', 'close');
    done(null, payload);
  });
}

/** How long a connection idle when a stop begins may still bring a request (its client may be sending one). */
export const IDLE_GRACE_MS = 1000;

/**
 * Stops a listening server without cutting anyone off: no new connections, every request in hand
 * answered, and every request that reaches it on a connection its client already had answered too
 * (return503OnClosing is off: it was sent before its client could know), each with
 * `Connection: close` so the connection ends with the answer (installGracefulClose). Node's close()
 * would also cut at once every keep-alive connection idle at that instant, while its client may be
 * writing a request on it (the client sees a reset); those are left a moment to bring it, then the
 * ones still idle are closed. Bounded: after `limitMs` the connections still open are cut, so a
 * stuck request cannot hold a stop forever.
 */
export async function closeGracefully(app: FastifyInstance, limitMs = CLOSE_LIMIT_MS): Promise<void> {
  const server = app.server;
  closing.add(server);
  const closeIdle = server.closeIdleConnections.bind(server);
  server.closeIdleConnections = () => undefined;
  let sweep: NodeJS.Timeout | undefined;
  const grace = setTimeout(
    () => {
      closeIdle();
      sweep = setInterval(closeIdle, 100);
    },
    Math.min(IDLE_GRACE_MS, limitMs),
  );
  const cut = setTimeout(() => server.closeAllConnections(), limitMs);
  try {
    await app.close();
  } finally {
    clearTimeout(grace);
    clearInterval(sweep);
    clearTimeout(cut);
    server.closeIdleConnections = closeIdle;
  }
}
