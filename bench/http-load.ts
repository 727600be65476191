/** A small closed-loop HTTP load generator on keep-alive connections, for benchmarks on loopback only. */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadResult { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number; statuses: Record<number, number> }

export interface LoadOptions {
  port: number;
  concurrency: number;
  /** Stop after this many requests or this many seconds, whichever first. */
  total: number;
  maxSeconds: number;
  /** Fixed-rate mode: requests per second spread evenly (open loop); latency is then measured honestly under that rate. */
  ratePerSecond?: number;
  request: (i: number) => { method: string; path: string; headers?: Record<string, string>; body?: string };
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + o.maxSeconds * 1000;
  const one = (i: number) => new Promise<void>((resolve) => {
    const r = o.request(i);
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port: o.port, method: r.method, path: r.path, agent, headers: { ...(r.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) } : {}), ...r.headers } }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(performance.now() - t0);
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        if ((res.statusCode ?? 500) >= 400) errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    if (r.body) req.write(r.body);
    req.end();
  });
  if (o.ratePerSecond) {
    const interval = 1000 / o.ratePerSecond;
    const inflight: Promise<void>[] = [];
    while (sent < o.total && performance.now() < deadline) {
      const due = start + sent * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      inflight.push(one(sent++));
    }
    await Promise.all(inflight);
  } else {
    const worker = async () => {
      while (sent < o.total && performance.now() < deadline) await one(sent++);
    };
    await Promise.all(Array.from({ length: o.concurrency }, worker));
  }
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99), statuses };
}
