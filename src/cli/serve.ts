import { buildApp } from '../server/app.js';
import { composeContext } from '../server/compose.js';
import { openRuntime, progressPrinter } from './runtime.js';
import { DEMO_APPLICANTS, DEMO_PASSWORD, DEMO_STAFF, isEmpty, seedDemo } from '../seed/seed-demo.js';

export async function serve(opts: { demo: boolean }) {
  const { config, database } = await openRuntime();
  const ctx = composeContext(config, database);
  const clock = ctx.clock;
  let seeded = false;
  if (opts.demo && (await isEmpty(database.db))) {
    process.stderr.write('First start: loading the demo catalogue and demo accounts…\n');
    await seedDemo(database.db, clock, progressPrinter());
    seeded = true;
  }
  const app = await buildApp(ctx);
  ctx.supervision.setLogger(app.log);
  ctx.supervision.start(config.supervisionIntervalMs);
  ctx.notifications.setLogger(app.log);
  ctx.notifications.start(config.notificationIntervalMs);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await ctx.supervision.stop();
    await ctx.notifications.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `OneWindow (一窗通) is running at ${url}`,
    `  database: ${database.dialect === 'sqlite' ? database.sqliteFile : 'PostgreSQL'}`,
    `  API docs: ${url}/api/docs`,
    ...(ctx.testClock ? ['  TEST TIME MODE: the clock can be moved forward (POST /api/v1/test/clock); never use in production'] : []),
  ];
  if (opts.demo && (seeded || (await hasDemoAdmin(database.db)))) {
    lines.push(`  demo logins (password ${DEMO_PASSWORD}):`);
    for (const s of DEMO_STAFF) lines.push(`    ${s.username.padEnd(14)} ${s.role.padEnd(10)} ${s.displayName}`);
    for (const a of DEMO_APPLICANTS) lines.push(`    ${a.username.padEnd(14)} applicant  ${a.displayName}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function hasDemoAdmin(db: import('../db/database.js').Db) {
  return !!(await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst());
}
