/**
 * Three instances on one PostgreSQL, started at once on an empty schema (each would load the demo
 * data), then under submission load spread over all three, with time moved forward on each so that
 * every instance's supervision pass raises signals and orders and queues notifications at once.
 * Nothing may exist twice: cases, receipt numbers, signals, orders, notifications, inbox messages,
 * deliveries, accounts.
 */
import { randomBytes } from 'node:crypto';
import type { Drill } from './drill.js';
import pg from 'pg';
import {
  login,
  pgQuery,
  pgReachable,
  pgSchemaUrl,
  startServer,
  type RunningServer,
} from '../bench/server-process.js';
import { casesByKey, loop, newSubmitter, tally, target, type Target } from './submissions.js';

const LOAD_MS = 5000;

/** Each a query of groups that should have one row; the figure is the rows beyond the first of each. */
const DUPLICATES: Record<string, string> = {
  'receipt numbers': 'select count(*) - 1 as n from cases group by receipt_no',
  'accounts (user names)': 'select count(*) - 1 as n from users group by lower(username)',
  departments: 'select count(*) - 1 as n from departments group by code',
  'signals (kind, clock, subject)':
    'select count(*) - 1 as n from supervision_signals group by kind, clock_id, subject_type, subject_id',
  'supervision orders (per clock)': 'select count(*) - 1 as n from supervision_orders group by clock_id',
  'notifications queued':
    'select count(*) - 1 as n from notification_outbox group by kind, recipient_type, recipient_id, subject_type, subject_id, payload',
  'notification deliveries':
    'select count(*) - 1 as n from notification_deliveries group by outbox_id, channel, address',
  'inbox messages':
    'select count(*) - 1 as n from inbox_messages group by user_id, kind, subject_type, subject_id, title, body',
};

async function duplicates(schema: string, query: string): Promise<number> {
  const c = new pg.Client({ connectionString: pgSchemaUrl(schema) });
  await c.connect();
  try {
    return (await c.query<{ n: string }>(query)).rows.reduce((n, r) => n + Number(r.n), 0);
  } finally {
    await c.end();
  }
}

export const drill: Drill = {
  summary:
    'three instances on one PostgreSQL, started at once on an empty schema, under load: 0 duplicates of anything',
  run: async (log) => {
    if (!(await pgReachable())) return { passed: false, figures: {}, verdict: 'PostgreSQL is not reachable' };
    const pgSchema = `drill_${randomBytes(4).toString('hex')}`;
    await pgQuery(`create schema ${pgSchema}`);
    const env = {
      ONEWINDOW_TIME_MODE: 'test',
      SUPERVISION_INTERVAL_MS: '200',
      NOTIFICATION_INTERVAL_MS: '200',
    };
    const started = await Promise.allSettled(
      Array.from({ length: 3 }, () => startServer('postgres', env, { pgSchema })),
    );
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const figures: Record<string, number | string> = { 'instances started (of 3)': servers.length };
    try {
      for (const s of started)
        if (s.status === 'rejected') log(`an instance did not start: ${String(s.reason)}`);
      if (servers.length < 3) return { passed: false, figures, verdict: 'not every instance started' };
      const targets: Target[] = await Promise.all(servers.map((srv) => target(srv.port)));
      const prefix = `ti${randomBytes(3).toString('hex')}`;
      const s = newSubmitter();
      let turn = 0;
      const load = loop(() => targets[turn++ % 3]!, prefix, 24, s);
      await new Promise((r) => setTimeout(r, LOAD_MS));
      await load.stop();
      // A month later on every instance at once: each runs its supervision pass on the same clocks.
      await Promise.all(servers.map((srv) => moveClock(srv, 24 * 30)));
      await new Promise((r) => setTimeout(r, 3000)); // the background passes and deliveries of all three
      const { lost, duplicated } = tally(s, await casesByKey({ pgSchema }, prefix));
      figures['cases acknowledged'] = s.acknowledged.size;
      figures['cases lost'] = lost;
      figures['cases made twice'] = duplicated;
      const counts = await pgQuery<{ signals: string; orders: string; inbox: string }>(
        `select (select count(*) from ${pgSchema}.supervision_signals) as signals,
                (select count(*) from ${pgSchema}.supervision_orders) as orders,
                (select count(*) from ${pgSchema}.inbox_messages) as inbox`,
      );
      figures['signals raised'] = Number(counts[0]!.signals);
      figures['orders opened'] = Number(counts[0]!.orders);
      figures['inbox messages'] = Number(counts[0]!.inbox);
      let dup = duplicated;
      for (const [name, query] of Object.entries(DUPLICATES)) {
        const n = await duplicates(pgSchema, query);
        figures[`duplicate ${name}`] = n;
        dup += n;
      }
      const passed = dup === 0 && lost === 0 && s.acknowledged.size > 0 && figures['signals raised']! > 0;
      return {
        passed,
        figures,
        verdict: passed
          ? `three instances started together and ran together: nothing exists twice, nothing acknowledged is missing`
          : 'something exists twice, an instance did not start, or nothing was raised to compare',
      };
    } finally {
      await Promise.all(servers.map((srv) => srv.stop()));
      await pgQuery(`drop schema ${pgSchema} cascade`);
    }
  },
};

async function moveClock(srv: RunningServer, hours: number): Promise<void> {
  const admin = await login(srv.port, 'admin', 'OneWindow2026');
  const r = await fetch(`http://127.0.0.1:${srv.port}/api/v1/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    body: JSON.stringify({ advanceHours: hours }),
  });
  if (!r.ok) throw new Error(`moving the clock: ${r.status} ${await r.text()}`);
}
