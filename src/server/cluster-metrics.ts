import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * /metrics when `serve` runs several HTTP processes (HTTP_WORKERS): whichever process is asked, the
 * answer covers all of them. A worker asks the primary; the primary collects every worker's metrics
 * and its own (its background work commits too) and adds them up by each metric's aggregator
 * (sum for counters and histograms, max for the largest batch, as declared).
 */
const REQ = 'onewindow:metrics-req';
const RES = 'onewindow:metrics-res';
const CLUSTER_REQ = 'onewindow:cluster-metrics-req';
const CLUSTER_RES = 'onewindow:cluster-metrics-res';
const TIMEOUT_MS = 5000;

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
interface Message {
  type?: string;
  id?: number;
  metrics?: MetricsJson;
  text?: string;
  error?: string;
}

let nextId = 0;

function ask<T>(
  target: { send: (m: Message) => unknown },
  source: NodeJS.EventEmitter,
  request: string,
  response: string,
  pick: (m: Message) => T,
): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      source.off('message', on);
      reject(new Error('metrics: no answer from another process'));
    }, TIMEOUT_MS);
    const on = (m: Message) => {
      if (m?.type !== response || m.id !== id) return;
      clearTimeout(timer);
      source.off('message', on);
      if (m.error) reject(new Error(m.error));
      else resolve(pick(m));
    };
    source.on('message', on);
    target.send({ type: request, id });
  });
}

/** In an HTTP worker: answer the primary's requests with this process's metrics. */
export function answerMetricsRequests(registry: Registry): void {
  process.on('message', (m: Message) => {
    if (m?.type !== REQ) return;
    void registry.getMetricsAsJSON().then((metrics) => process.send?.({ type: RES, id: m.id, metrics }));
  });
}

/** In an HTTP worker: the whole server's metrics, from the primary. */
export function clusterMetricsFromPrimary(): Promise<string> {
  return ask(
    process as unknown as { send: (m: Message) => unknown },
    process,
    CLUSTER_REQ,
    CLUSTER_RES,
    (m) => m.text ?? '',
  );
}

/** In the primary: every worker's metrics and its own, added up. */
export async function aggregateClusterMetrics(own: Registry): Promise<{ text: string; contentType: string }> {
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w?.isConnected());
  const parts = await Promise.all(
    workers.map((w) => ask(w, w, REQ, RES, (m) => m.metrics ?? []).catch(() => [] as MetricsJson)),
  );
  const registry = AggregatorRegistry.aggregate([await own.getMetricsAsJSON(), ...parts]);
  return { text: await registry.metrics(), contentType: own.contentType };
}

/** In the primary: answer workers asking for the whole server's metrics. */
export function serveClusterMetrics(worker: Worker, own: Registry): void {
  worker.on('message', (m: Message) => {
    if (m?.type !== CLUSTER_REQ) return;
    aggregateClusterMetrics(own).then(
      ({ text }) => worker.send({ type: CLUSTER_RES, id: m.id, text }),
      (e: Error) => worker.send({ type: CLUSTER_RES, id: m.id, error: e.message }),
    );
  });
}
