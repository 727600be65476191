/**
 * PostgreSQL ends the server's connections (pg_terminate_backend, as a restart, a failover or a
 * proxy's idle timeout would) again and again under submission load. The server must go on serving
 * without a restart, and every acknowledged case must be in the database.
 */
import { randomBytes } from 'node:crypto';
import type { Drill } from './drill.js';
import { pgQuery, pgReachable, startServer } from '../bench/server-process.js';
import { casesByKey, loop, newSubmitter, submit, tally, target } from './submissions.js';

const TERMINATIONS = 5;
const EVERY_MS = 1000;

export const drill: Drill = {
  summary: `PostgreSQL ends the server's connections ${TERMINATIONS} times under load: it serves on without a restart, 0 acknowledged lost`,
  run: async (log) => {
    if (!(await pgReachable())) return { passed: false, figures: {}, verdict: 'PostgreSQL is not reachable' };
    const pgSchema = `drill_${randomBytes(4).toString('hex')}`;
    await pgQuery(`create schema ${pgSchema}`);
    const srv = await startServer('postgres', {}, { pgSchema });
    const prefix = `pt${randomBytes(3).toString('hex')}`;
    const s = newSubmitter();
    let ended = 0;
    let exitedEarly = false;
    void srv.exited.then(() => (exitedEarly = true));
    try {
      const t = await target(srv.port);
      const load = loop(() => t, prefix, 32, s);
      for (let i = 0; i < TERMINATIONS; i++) {
        await new Promise((r) => setTimeout(r, EVERY_MS));
        const rows = await pgQuery(
          'select pid, pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1',
          [`onewindow/${pgSchema}`],
        );
        ended += rows.length;
        log(`ended ${rows.length} connections; ${s.acknowledged.size} acknowledged so far`);
      }
      await new Promise((r) => setTimeout(r, EVERY_MS));
      await load.stop();
      // The same process, not restarted: what went unheard is sent again with its key.
      for (const key of [...s.unknown]) await submit(t, key, s);
      const ready = (await fetch(`http://127.0.0.1:${srv.port}/readyz`)).status;
      const { lost, duplicated } = tally(s, await casesByKey({ pgSchema }, prefix));
      const unavailable = s.statuses['503'] ?? 0;
      const other5xx = Object.entries(s.statuses)
        .filter(([k]) => /^5\d\d$/.test(k) && k !== '503')
        .reduce((n, [, v]) => n + v, 0);
      const figures = {
        'connections ended': ended,
        acknowledged: s.acknowledged.size,
        'answered 503 (connection lost, retry)': unavailable,
        'other 5xx': other5xx,
        'still unheard after retries': s.unknown.size,
        lost,
        duplicated,
        'process exited': exitedEarly ? 'yes' : 'no',
        '/readyz afterwards': ready,
      };
      const passed =
        !exitedEarly && ended > 0 && ready === 200 && lost === 0 && duplicated === 0 && s.unknown.size === 0;
      return {
        passed,
        figures,
        verdict: passed
          ? `${ended} connections ended, the process served on, ${s.acknowledged.size} acknowledged and none lost`
          : 'the server stopped, lost an acknowledged case, or did not recover',
      };
    } finally {
      await srv.stop();
      await pgQuery(`drop schema ${pgSchema} cascade`);
    }
  },
};
