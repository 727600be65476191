import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { STAFF_ROLES, systemActor, type Role } from '../shared/actor.js';
import { systemClock } from '../shared/clock.js';
import { AppError, messageFor } from '../server/errors.js';
import { migrateToLatest } from '../db/migrate.js';
import { importCatalogue } from '../modules/catalogue/import-catalogue.js';
import { exportCatalogue } from '../modules/catalogue/export-catalogue.js';
import { createUser } from '../modules/identity/create-user.js';
import { findDepartment } from '../modules/catalogue/catalogue-reads.js';
import { seedDemo } from '../seed/seed-demo.js';
import { seedDemoModules } from '../seed/seed-demo-modules.js';
import { composeContext } from '../server/compose.js';
import { describeStartupError, fail, openRuntime, progressPrinter, runtimeLabel } from './runtime.js';
import { serve } from './serve.js';
import { backup } from './backup.js';
import { restore } from './restore.js';
import { verifyHistoryFile } from './history.js';
import { verifyChains } from '../modules/cases/event-chain.js';
import { checkLedger } from '../modules/fees/check-ledger.js';
import { reconcileStatement } from '../modules/fees/reconcile/reconcile-statement.js';
import { getReconciliation } from '../modules/fees/reconcile/get-reconciliation.js';
import { ledgerReportText, reconciliationText } from '../modules/fees/cli-text.js';
import { CalendarStore } from '../modules/clock/calendar-store.js';
import { checkAssessment } from '../modules/assessment/check-assessment.js';
import { refreshAssessment } from '../modules/assessment/refresh-assessment.js';

const USAGE = `Usage: onewindow <command> [options]

Commands:
  serve [--no-demo]             migrate, load the demo data on first start, and serve HTTP
  migrate                       bring the database schema up to date
  seed --demo                   load the demo catalogue and demo accounts
  catalogue import FILE         import a catalogue file (all or nothing; see docs/catalogue-format.md)
  catalogue export [--out FILE] write the published catalogue as JSON (stdout by default)
  users create --username U --role R [--department CODE] [--name NAME] [--password P]
  backup DEST                   back up to a new directory DEST: the SQLite database (online) and every stored file it names
  restore SRC                   restore a backup directory into an empty DATA_DIR (never overwrites)
  audit verify                  check every case's hash chain and the global chain; name the first broken link
  history verify FILE           check a downloaded case history offline (docs/history-verification.md)
  fees check                    check the fee ledger's invariants (per case and per day); exit 1 on any violation
  assessment check              recompute every assessment figure from the raw records and compare with the
                                stored aggregates; name each difference; exit 1 on any
  assessment refresh            bring the assessment aggregates up to the records now (the server does it after
                                each supervision pass)
  fees reconcile FILE [--gateway NAME] [--date YYYY-MM-DD]
                                import a gateway's daily statement (CSV) and list what is missing, extra or different
  version                       the version, and which code runs (dist/ compiled, or src/ through tsx)

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL, SESSION_TTL_HOURS, TRUST_PROXY,
  PAYMENT_GATEWAY_NAME, PAYMENT_GATEWAY_SECRET, PAYMENT_GATEWAY_CHECKOUT_URL, PAYMENT_SIMULATOR (see README)`;

function printAppError(e: AppError) {
  const lang = (process.env.LANG ?? '').startsWith('zh') ? 'zh-CN' : 'en';
  process.stderr.write(`onewindow: ${messageFor(e.code, e.params, lang)}\n`);
  for (const f of e.fieldErrors) process.stderr.write(`  ${f.path}: ${lang === 'en' ? f.en : f.zh}\n`);
}

async function run(argv: string[]) {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'version': {
      const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        version: string;
      };
      process.stdout.write(`onewindow ${pkg.version}\nruntime: ${runtimeLabel()}\n`);
      return;
    }
    case 'serve': {
      const { values } = parseArgs({ args: argv.slice(1), options: { 'no-demo': { type: 'boolean' } } });
      return serve({ demo: !values['no-demo'] });
    }
    case 'migrate': {
      const { database } = await openRuntime();
      const again = await migrateToLatest(database.db);
      process.stdout.write(again.length ? `applied: ${again.join(', ')}\n` : 'schema is current\n');
      return database.close();
    }
    case 'seed': {
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean' } } });
      if (!values.demo) fail('seed needs --demo (the only data set there is)', 2);
      const { config, database } = await openRuntime();
      const r = await seedDemo(database.db, systemClock, progressPrinter());
      const made = await seedDemoModules(composeContext(config, database, systemClock));
      process.stdout.write(
        `${JSON.stringify(r.report)}\naccounts created: ${r.created.join(', ') || 'none (already there)'}\n${Object.entries(
          made,
        )
          .map(([what, n]) => `${what}: ${n}\n`)
          .join('')}`,
      );
      return database.close();
    }
    case 'catalogue': {
      if (sub === 'import') {
        const file = rest[0];
        if (!file) fail('catalogue import needs a FILE', 2);
        let parsed: unknown;
        try {
          parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (e) {
          fail(`cannot read ${file} as JSON: ${(e as Error).message}`);
        }
        const { database } = await openRuntime();
        try {
          const r = await importCatalogue(
            database.db,
            systemClock,
            systemActor('cli'),
            parsed,
            progressPrinter(),
          );
          process.stdout.write(`${JSON.stringify(r)}\n`);
        } finally {
          await database.close();
        }
        return;
      }
      if (sub === 'export') {
        const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
        const { database } = await openRuntime();
        const file = await exportCatalogue(database.db, systemActor('cli'));
        await database.close();
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (values.out) {
          fs.writeFileSync(values.out, text);
          process.stderr.write(
            `wrote ${file.departments.length} departments, ${file.fees.length} fees, ${file.items.length} items to ${values.out}\n`,
          );
        } else process.stdout.write(text);
        return;
      }
      return fail(`unknown catalogue command "${sub ?? ''}"\n${USAGE}`, 2);
    }
    case 'users': {
      if (sub !== 'create') return fail(`unknown users command "${sub ?? ''}"\n${USAGE}`, 2);
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          role: { type: 'string' },
          department: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
        },
      });
      if (!values.username || !values.role) fail('users create needs --username and --role', 2);
      if (!(STAFF_ROLES as readonly string[]).includes(values.role))
        fail(
          `--role must be one of ${STAFF_ROLES.join(', ')} (applicants register themselves, with their ID checked)`,
          2,
        );
      const { database } = await openRuntime();
      try {
        let departmentId: string | null = null;
        if (values.department) {
          const d = await findDepartment(database.db, values.department);
          if (!d) fail(`no department "${values.department}"`);
          departmentId = d.id;
        }
        const password = values.password ?? `Ow${randomBytes(9).toString('base64url')}1`;
        const u = await createUser(database.db, systemClock, systemActor('cli'), {
          username: values.username,
          displayName: values.name ?? values.username,
          role: values.role as Role,
          departmentId,
          password,
        });
        process.stdout.write(
          `created ${u.username} (${u.role})${values.password ? '' : `, password: ${password}`}\n`,
        );
      } finally {
        await database.close();
      }
      return;
    }
    case 'audit': {
      if (sub !== 'verify') return fail(`unknown audit command "${sub ?? ''}"\n${USAGE}`, 2);
      const { database } = await openRuntime();
      try {
        const r = await verifyChains(database.db, (done, total) => progressPrinter()('events', done, total));
        if (r.breaks.length === 0) {
          process.stdout.write(
            `audit verify: OK — ${r.events} events across ${r.cases} cases, every chain intact\n`,
          );
          return;
        }
        for (const b of r.breaks) {
          process.stdout.write(
            `BROKEN ${b.chain === 'case' ? `case ${b.caseId} event ${b.seq}` : `global chain at event ${b.seq}`}: ${b.reason}\n`,
          );
        }
        process.exitCode = 1;
      } finally {
        await database.close();
      }
      return;
    }
    case 'history': {
      if (sub !== 'verify') return fail(`unknown history command "${sub ?? ''}"\n${USAGE}`, 2);
      if (!rest[0]) fail('history verify needs a FILE', 2);
      return verifyHistoryFile(rest[0]);
    }
    case 'assessment': {
      if (sub !== 'check' && sub !== 'refresh') fail('assessment needs check or refresh', 2);
      const { database } = await openRuntime();
      try {
        const calendars = new CalendarStore(database.db);
        if (sub === 'refresh') {
          const n = await refreshAssessment({ db: database.db, clock: systemClock, calendars });
          process.stdout.write(`assessment: ${n} records refreshed\n`);
          return;
        }
        const r = await checkAssessment(database.db, await calendars.get());
        for (const d of r.differences) process.stdout.write(`difference: ${d}\n`);
        if (r.differenceCount > r.differences.length)
          process.stdout.write(`... and ${r.differenceCount - r.differences.length} more\n`);
        process.stdout.write(
          r.ok
            ? `assessment check passed: ${r.records} records, ${r.aggregateRows} aggregate rows agree\n`
            : `assessment check FAILED: ${r.differenceCount} differences\n`,
        );
        if (!r.ok) process.exitCode = 1;
      } finally {
        await database.close();
      }
      return;
    }
    case 'fees': {
      if (sub === 'check') {
        const { database } = await openRuntime();
        try {
          const r = await checkLedger(database.db);
          process.stdout.write(`${ledgerReportText(r)}\n`);
          if (!r.ok) process.exitCode = 1;
        } finally {
          await database.close();
        }
        return;
      }
      if (sub === 'reconcile') {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { gateway: { type: 'string' }, date: { type: 'string' } },
        });
        const file = positionals[0];
        if (!file) fail('fees reconcile needs a FILE', 2);
        let text = '';
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch (e) {
          fail(`cannot read ${file}: ${(e as Error).message}`);
        }
        const { config, database } = await openRuntime();
        try {
          const rt = {
            db: database.db,
            clock: systemClock,
            calendars: new CalendarStore(database.db),
            config: config.fees,
            publicBaseUrl: config.publicBaseUrl,
          };
          const gateway = values.gateway ?? config.fees.gateway?.name ?? 'simulated';
          const id = await reconcileStatement(rt, systemActor('cli'), {
            gateway,
            csv: text,
            ...(values.date ? { date: values.date } : {}),
          });
          process.stdout.write(
            `${reconciliationText(await getReconciliation(database.db, systemActor('cli'), id))}\n`,
          );
        } finally {
          await database.close();
        }
        return;
      }
      return fail(`unknown fees command "${sub ?? ''}"\n${USAGE}`, 2);
    }
    case 'backup': {
      if (!sub) fail('backup needs a DEST directory', 2);
      return backup(sub);
    }
    case 'restore': {
      if (!sub) fail('restore needs a SRC backup directory', 2);
      return restore(sub);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      fail(`unknown command "${command}"\n${USAGE}`, 2);
  }
}

run(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof AppError) {
    printAppError(e);
    process.exit(1);
  }
  fail(describeStartupError(e));
});
