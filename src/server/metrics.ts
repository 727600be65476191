import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import cluster from 'node:cluster';
import { commitGroupsOf } from '../db/commit-group.js';
import { answerMetricsRequests, clusterMetricsFromPrimary } from './cluster-metrics.js';
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's metrics (under HTTP_WORKERS the primary adds the workers' to its own). */
    metricsRegistry: Registry;
  }
}

const sameToken = (given: string, token: string) =>
  given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

/**
 * Prometheus metrics at /metrics: the process, every request by route and status, the commit groups.
 * They are for the operators' scraper only: it sends `Authorization: Bearer <METRICS_TOKEN>`, and
 * without a configured token nobody is answered.
 */
export function installMetrics(app: FastifyInstance, db: Db, token: string | undefined): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'onewindow_' });
  const groupGauge = (
    name: string,
    help: string,
    pick: (s: { batches: number; units: number; largest: number; retried: number }) => number,
    aggregator: 'sum' | 'max' = 'sum',
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['group'],
      registers: [registry],
      aggregator,
      collect() {
        for (const g of commitGroupsOf(db)) this.set({ group: g.name }, pick(g.stats));
      },
    });
  groupGauge(
    'onewindow_commit_group_batches',
    'Transactions committed by a commit group since start',
    (s) => s.batches,
  );
  groupGauge(
    'onewindow_commit_group_units',
    'Units of work committed by a commit group since start',
    (s) => s.units,
  );
  groupGauge(
    'onewindow_commit_group_largest_batch',
    'The most units one transaction of a commit group has held',
    (s) => s.largest,
    'max',
  );
  groupGauge(
    'onewindow_commit_group_retried_batches',
    'Batches run again unit by unit because one of their units failed (optimistic groups)',
    (s) => s.retried,
  );
  const requests = new Counter({
    name: 'onewindow_http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'onewindow_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // The labelled children are looked up once per route, method and status: prom-client would
  // otherwise hash the label object on every request.
  const counters = new Map<string, { inc(): void }>();
  const timers = new Map<string, { observe(v: number): void }>();
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const timerKey = `${req.method} ${route}`;
    const counterKey = `${timerKey} ${reply.statusCode}`;
    let counter = counters.get(counterKey);
    if (!counter)
      counters.set(
        counterKey,
        (counter = requests.labels({ method: req.method, route, status: String(reply.statusCode) })),
      );
    let timer = timers.get(timerKey);
    if (!timer) timers.set(timerKey, (timer = duration.labels({ method: req.method, route })));
    counter.inc();
    timer.observe(reply.elapsedTime / 1000);
    done();
  });
  // Under HTTP_WORKERS the primary adds up every process's metrics (src/server/cluster-metrics.ts).
  if (cluster.isWorker) answerMetricsRequests(registry);
  app.decorate('metricsRegistry', registry);
  const guard = (req: FastifyRequest, reply: FastifyReply, done: (e?: Error) => void) => {
    const auth = req.headers.authorization ?? '';
    const given = /^bearer /i.test(auth) ? auth.slice(7).trim() : '';
    if (token && given && sameToken(given, token)) return done();
    reply.header('www-authenticate', 'Bearer realm="metrics"');
    done(new AppError('metrics_token_required'));
  };
  app.get('/metrics', { schema: { hide: true }, onRequest: guard }, async (_req, reply) => {
    reply.type(registry.contentType);
    return cluster.isWorker ? clusterMetricsFromPrimary() : registry.metrics();
  });
  return registry;
}
