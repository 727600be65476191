import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { composeContext } from '../server/compose.js';
import { serveClusterMetrics } from '../server/cluster-metrics.js';
import { closeGracefully } from '../server/close.js';
import { loadConfig, type Config } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { caseModule } from '../modules/cases/case-deps-factory.js';
import { openRuntime, progressPrinter, runtimeLabel } from './runtime.js';
import { DEMO_APPLICANTS, DEMO_PASSWORD, DEMO_STAFF } from '../seed/seed-demo.js';
import { seedDemoLetters } from '../seed/seed-demo-letters.js';
import { seedDemoComplaints } from '../seed/demo-complaints.js';
import { complaintModule } from '../modules/complaints/complaint-module.js';
import { seedDemoOnFirstStart } from './first-start.js';
import { seedDemoRatings } from '../seed/demo-ratings.js';

/**
 * `onewindow serve`. With HTTP_WORKERS=0 (the default) one process does everything. With N ≥ 1, this
 * process brings the schema up to date, runs the background work (electronic supervision, the
 * notification outbox, SQLite checkpoints) and starts N HTTP processes sharing the port, each
 * with its own database connection: on the embedded database they take turns at SQLite's write lock
 * (waiting without blocking, see src/db/sqlite/immediate-dialect.ts), on PostgreSQL they are ordinary instances.
 */
export async function serve(opts: { demo: boolean }) {
  if (cluster.isWorker) return serveHttp();
  const { config, database } = await openRuntime();
  const ctx = composeContext(config, database);
  const clock = ctx.clock;
  const seeded =
    opts.demo &&
    (await seedDemoOnFirstStart(database.db, clock, {
      starting: () => process.stderr.write('First start: loading the demo catalogue and demo accounts…\n'),
      progress: progressPrinter(),
      andThen: async () => {
        await seedDemoLetters(ctx);
        await seedDemoComplaints(complaintModule(ctx).deps);
        await seedDemoRatings(ctx);
      },
    }));
  const app = await buildApp(ctx);
  database.setLogger(app.log);
  caseModule(ctx).intakeThread?.start();
  ctx.supervision.setLogger(app.log);
  ctx.supervision.start(config.supervisionIntervalMs);
  ctx.notifications.setLogger(app.log);
  ctx.notifications.start(config.notificationIntervalMs);
  const workers = config.httpWorkers > 0 ? startWorkers(config, app) : undefined;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    // Stop accepting at once; the requests in hand are answered while the background work stops.
    const http = closeGracefully(app);
    await workers?.stop();
    await ctx.supervision.stop();
    await ctx.notifications.stop();
    await http;
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  if (workers) await workers.listening;
  else await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `OneWindow (一窗通) is running at ${url}`,
    `  database: ${database.dialect === 'sqlite' ? database.sqliteFile : 'PostgreSQL'}`,
    `  code: ${runtimeLabel()}`,
    ...(workers ? [`  HTTP processes: ${config.httpWorkers}`] : []),
    `  API docs: ${url}/api/docs`,
    ...(ctx.testClock
      ? [
          '  TEST TIME MODE: the clock can be moved forward (POST /api/v1/test/clock); never use in production',
        ]
      : []),
  ];
  if (opts.demo && (seeded || (await hasDemoAdmin(database.db)))) {
    lines.push(`  demo logins (password ${DEMO_PASSWORD}):`);
    for (const s of DEMO_STAFF)
      lines.push(`    ${s.username.padEnd(14)} ${s.role.padEnd(10)} ${s.displayName}`);
    for (const a of DEMO_APPLICANTS) lines.push(`    ${a.username.padEnd(14)} applicant  ${a.displayName}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** The HTTP processes: started, restarted if one dies, stopped with this one. */
function startWorkers(config: Config, app: Awaited<ReturnType<typeof buildApp>>) {
  let stopping = false;
  let ready = 0;
  let markListening!: () => void;
  let failStart!: (e: Error) => void;
  const listening = new Promise<void>((resolve, reject) => {
    markListening = resolve;
    failStart = reject;
  });
  const fork = (): Worker => {
    const w = cluster.fork();
    serveClusterMetrics(w, app.metricsRegistry);
    w.once('listening', () => {
      if (++ready === config.httpWorkers) markListening();
    });
    w.once('exit', (code, signal) => {
      if (stopping) return;
      if (ready < config.httpWorkers) {
        failStart(new Error(`an HTTP process exited while starting (${signal ?? code})`));
        return;
      }
      app.log.error({ pid: w.process.pid, code, signal }, 'an HTTP process stopped; starting another');
      setTimeout(() => {
        if (!stopping) fork();
      }, 1000).unref();
    });
    return w;
  };
  for (let i = 0; i < config.httpWorkers; i++) fork();
  return {
    listening,
    async stop() {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      await Promise.all(
        alive.map(
          (w) =>
            new Promise<void>((resolve) => {
              const kill = setTimeout(() => w.kill('SIGKILL'), 10_000);
              w.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              try {
                w.send('shutdown');
              } catch {
                w.kill('SIGTERM'); // its channel is already closing: it is on its way out
              }
            }),
        ),
      );
    },
  };
}

/** One HTTP process under HTTP_WORKERS: requests only; the primary has migrated and runs the background work. */
async function serveHttp() {
  const config = loadConfig();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'onewindow.db'),
    checkpoints: 'elsewhere',
    sharedFile: true,
  });
  const app = await buildApp(composeContext(config, database));
  database.setLogger(app.log);
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await closeGracefully(app);
    await database.close();
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m === 'shutdown') void close();
  });
  // The primary is gone (it stops its workers itself when it can): stop too.
  process.on('disconnect', () => void close());
  process.on('SIGINT', () => undefined); // a terminal's Ctrl-C reaches every process; the primary leads the shutdown
  // A SIGTERM of its own (a process manager signals every process of the group, or an operator
  // this one): stop taking requests, answer those in hand, close the connection; the primary
  // starts another unless it is stopping too.
  process.on('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
}

async function hasDemoAdmin(db: import('../db/database.js').Db) {
  return !!(await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst());
}
