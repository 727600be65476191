/**
 * CPU time spent by the processes a bench drives, read from /proc (Linux): the server's process
 * (all its threads, the same total process.cpuUsage() gives inside it) and the PostgreSQL processes
 * working for it, to tell the application's cost per unit from the database server's.
 */
import fs from 'node:fs';
import { pgQuery } from './server-process.js';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ; 100 on Linux for every common architecture). */
const TICKS = 100;

/** User plus system CPU milliseconds of a process so far (its own, not its children's); 0 if it is gone. */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return 0;
  }
  // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th field, stime the 15th.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[11]) + Number(rest[12])) * 1000) / TICKS;
}

export interface PgCpuSnapshot {
  /** CPU ms of each backend serving the application's connections. */
  backends: Map<number, number>;
  /** CPU ms of each of the server's own processes (WAL writer, checkpointer, background writer…). */
  background: Map<number, number>;
}

/**
 * The CPU of the PostgreSQL processes on this machine that work for the connections named
 * applicationName, and of the server's background processes (shared with anything else that
 * writes to the same server, so shown apart).
 */
export async function pgCpu(applicationName: string): Promise<PgCpuSnapshot> {
  const rows = await pgQuery<{ pid: number; backend_type: string; application_name: string }>(
    `select pid, backend_type, application_name from pg_stat_activity
      where application_name = $1 or backend_type not in ('client backend', 'autovacuum worker', 'parallel worker')`,
    [applicationName],
  );
  const snap: PgCpuSnapshot = { backends: new Map(), background: new Map() };
  for (const r of rows) {
    const ms = processCpuMs(r.pid);
    (r.application_name === applicationName ? snap.backends : snap.background).set(r.pid, ms);
  }
  return snap;
}

/** CPU ms spent between two snapshots (a process that appeared in between counts from its start). */
export function pgCpuSpent(
  before: PgCpuSnapshot,
  after: PgCpuSnapshot,
): { backends: number; background: number } {
  const spent = (a: Map<number, number>, b: Map<number, number>) =>
    [...b].reduce((n, [pid, ms]) => n + ms - (a.get(pid) ?? 0), 0);
  return {
    backends: spent(before.backends, after.backends),
    background: spent(before.background, after.background),
  };
}

/** The application_name a server's PostgreSQL URL gives its connections. */
export function applicationNameOf(databaseUrl: string): string {
  return new URL(databaseUrl).searchParams.get('application_name') ?? 'onewindow';
}
