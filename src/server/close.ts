import type { FastifyInstance } from 'fastify';

/**
 * Stops a listening server without cutting anyone off: no new connections, every request in hand
 * answered, then the connections closed. Fastify 5 closes the keep-alive connections that are idle
 * when close begins, but one that was busy then stays open until its client's keep-alive ends (72 s
 * by default), so the process would linger that long (fastify/fastify#7044); those are closed as
 * soon as their answer has gone out. A request arriving on such a connection meanwhile is told to
 * come back (503, Connection: close).
 */
export async function closeGracefully(app: FastifyInstance, sweepMs = 50): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), sweepMs);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}
