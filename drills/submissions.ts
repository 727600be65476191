/**
 * Idempotent online submissions for the drills: each carries an Idempotency-Key and the key in its
 * form too, so the cases it made can be counted in the database afterwards (a key in more than one
 * case is a duplicate; an acknowledged case that is not there is lost).
 */
import SQLite from 'better-sqlite3';
import path from 'node:path';
import { login, pgQuery } from '../bench/server-process.js';

export interface Submitter {
  /** Keys answered 201, with the case each made. */
  acknowledged: Map<string, string>;
  /** Keys whose outcome the client never heard (a reset, a 5xx): sent again later. */
  unknown: Set<string>;
  statuses: Record<string, number>;
}

export const newSubmitter = (): Submitter => ({ acknowledged: new Map(), unknown: new Set(), statuses: {} });

export interface Target {
  port: number;
  cookie: string;
  csrf: string;
  itemId: string;
}

export async function target(port: number): Promise<Target> {
  const auth = await login(port, 'citizen', 'OneWindow2026');
  const search = (await (
    await fetch(`http://127.0.0.1:${port}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json()) as { items: { id: string }[] };
  return { port, ...auth, itemId: search.items[0]!.id };
}

/** One submission; records its outcome. Resolves either way. */
export async function submit(t: Target, key: string, s: Submitter): Promise<number | string> {
  let outcome: number | string;
  try {
    const r = await fetch(`http://127.0.0.1:${t.port}/api/v1/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: t.cookie,
        'x-csrf-token': t.csrf,
        'idempotency-key': key,
      },
      body: JSON.stringify({
        itemId: t.itemId,
        form: { 经营场所: `清河市人民路1号 ${key}`, 经营项目: '热食类食品制售' },
        materials: [],
      }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await r.json()) as { case?: { id: string } };
    outcome = r.status;
    if (r.status === 201 || r.status === 200) {
      const id = body.case!.id;
      const before = s.acknowledged.get(key);
      // The same key answered with another case: the second is a duplicate the client was told of.
      if (before && before !== id)
        s.statuses['same key, another case'] = (s.statuses['same key, another case'] ?? 0) + 1;
      s.acknowledged.set(key, before ?? id);
      s.unknown.delete(key);
    } else if (r.status >= 500) s.unknown.add(key);
  } catch (e) {
    outcome = String((e as Error & { cause?: Error }).cause?.message ?? (e as Error).message).slice(0, 40);
    if (!s.acknowledged.has(key)) s.unknown.add(key);
  }
  s.statuses[outcome] = (s.statuses[outcome] ?? 0) + 1;
  return outcome;
}

/** A closed loop of `concurrency` clients submitting new keys until `stop()` says so. */
export function loop(
  targets: () => Target,
  prefix: string,
  concurrency: number,
  s: Submitter,
): { stop: () => Promise<void>; sent: () => number } {
  let stopping = false;
  let n = 0;
  const clients = Array.from({ length: concurrency }, async () => {
    while (!stopping) {
      const outcome = await submit(targets(), `${prefix}-${n++}`, s);
      // A refused connection (the server is down): do not spin.
      if (typeof outcome === 'string') await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(clients);
    },
    sent: () => n,
  };
}

/** Cases per drill key in the database: the key is the last word of the form's 经营场所. */
export async function casesByKey(where: { sqliteDataDir?: string; pgSchema?: string }, prefix: string) {
  const rows: { id: string; form: string }[] = where.pgSchema
    ? await pgQuery(`select id, form from ${where.pgSchema}.cases where form like $1`, [`%${prefix}-%`])
    : (() => {
        const db = new SQLite(path.join(where.sqliteDataDir!, 'onewindow.db'), { readonly: true });
        try {
          return db.prepare('select id, form from cases where form like ?').all(`%${prefix}-%`) as {
            id: string;
            form: string;
          }[];
        } finally {
          db.close();
        }
      })();
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const key = (JSON.parse(r.form) as Record<string, string>)['经营场所']!.split(' ').pop()!;
    byKey.set(key, [...(byKey.get(key) ?? []), r.id]);
  }
  return byKey;
}

/** Lost: acknowledged, yet not in the database. Duplicated: a key with more than one case. */
export function tally(s: Submitter, byKey: Map<string, string[]>) {
  const ids = new Set([...byKey.values()].flat());
  const lost = [...s.acknowledged.values()].filter((id) => !ids.has(id)).length;
  const duplicated = [...byKey.values()].reduce((n, cases) => n + cases.length - 1, 0);
  return { lost, duplicated };
}
