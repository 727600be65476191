/**
 * A small closed-loop HTTP/1.1 load generator on keep-alive connections, for benchmarks on loopback
 * only. It shares the machine's cores with the server it measures, so it is kept lean: each
 * connection is a plain socket that writes a request in one piece and reads just the status line,
 * the framing headers and the body's length (Node's http client cost about 150 µs of CPU a request,
 * a tenth of a submission's server time, taken from the same two cores).
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
  /** every latency (ms), sorted */ latencies: number[];
}

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

interface Response {
  status: number;
  close: boolean;
}

/** One keep-alive connection: one request at a time, answered in order. */
class Connection {
  private socket: net.Socket | undefined;
  private buf = Buffer.alloc(0);
  private waiting: { resolve: (r: Response) => void; reject: (e: Error) => void } | undefined;

  constructor(private readonly port: number) {}

  send(raw: Buffer): Promise<Response> {
    const socket = this.socket ?? this.connect();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(raw);
    });
  }

  private connect(): net.Socket {
    const s = net.connect({ host: '127.0.0.1', port: this.port });
    s.setNoDelay(true);
    this.buf = Buffer.alloc(0);
    s.on('data', (chunk) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      this.parse();
    });
    const fail = (e: Error) => {
      if (this.socket === s) this.socket = undefined;
      const w = this.waiting;
      this.waiting = undefined;
      w?.reject(e);
    };
    s.on('error', fail);
    s.on('close', () => fail(new Error('connection closed')));
    this.socket = s;
    return s;
  }

  /** Takes one whole response off the buffer once it is all there. */
  private parse(): void {
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const head = this.buf.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const lower = head.toLowerCase();
    const close = /\r\nconnection: *close/.test(lower);
    let bodyEnd: number;
    const length = /\r\ncontent-length: *(\d+)/.exec(lower);
    if (length) {
      bodyEnd = end + 4 + Number(length[1]);
      if (this.buf.length < bodyEnd) return;
    } else if (/\r\ntransfer-encoding: *chunked/.test(lower)) {
      let at = end + 4;
      for (;;) {
        const line = this.buf.indexOf('\r\n', at);
        if (line < 0) return;
        const size = parseInt(this.buf.toString('latin1', at, line), 16);
        at = line + 2 + size + 2;
        if (this.buf.length < at) return;
        if (size === 0) break;
      }
      bodyEnd = at;
    } else bodyEnd = end + 4;
    this.buf = this.buf.subarray(bodyEnd);
    const w = this.waiting;
    this.waiting = undefined;
    if (close) {
      this.socket?.destroy();
      this.socket = undefined;
    }
    w.resolve({ status, close });
  }

  destroy(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }
}

function encode(port: number, r: ReturnType<LoadOptions['request']>): Buffer {
  const body = r.body ? Buffer.from(r.body) : undefined;
  let head = `${r.method} ${r.path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: keep-alive\r\n`;
  if (body) head += `content-type: application/json\r\ncontent-length: ${body.length}\r\n`;
  for (const [k, v] of Object.entries(r.headers ?? {})) head += `${k}: ${v}\r\n`;
  head += '\r\n';
  return body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const free: Connection[] = Array.from({ length: o.concurrency }, () => new Connection(o.port));
  const all = [...free];
  const queue: (() => void)[] = [];
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + o.maxSeconds * 1000;
  const one = async (i: number): Promise<void> => {
    const raw = encode(o.port, o.request(i));
    const t0 = performance.now();
    // Every connection busy (open-loop mode): wait for the next one to come free.
    const conn = free.pop() ?? (await new Promise<void>((r) => queue.push(r)), free.pop()!);
    try {
      const res = await conn.send(raw);
      latencies.push(performance.now() - t0);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 400) errors++;
    } catch {
      errors++;
    } finally {
      free.push(conn);
      queue.shift()?.();
    }
  };
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
  for (const c of all) c.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => percentile(latencies, p);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
    statuses,
    latencies,
  };
}

/** The p-quantile (0..1) of latencies sorted ascending; 0 when there are none. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}
