// The baseline server of the lifecycle-bare bench: Fastify with a session lookup and ONE durable
// commit per write request, nothing else — the least any implementation of the case protocol over
// HTTP with durable commits does per request. DATABASE_URL set: PostgreSQL (its schema from the
// URL's search_path, a pool of 8); else an SQLite file in DATA_DIR, WAL with synchronous=FULL, one
// connection, each commit its own (no grouping). Prints "ready" with the session id to use.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

interface Store {
  session(id: string): Promise<string | undefined>;
  commit(session: string, kind: string, body: string): Promise<number>;
  read(id: number): Promise<string | undefined>;
}

function sqliteStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table if not exists sessions (id text primary key, user_id text not null);
           create table if not exists events (id integer primary key, session text not null, kind text not null, body text not null)`);
  const session = db.prepare<[string], { user_id: string }>('select user_id from sessions where id = ?');
  const insert = db.prepare('insert into events (session, kind, body) values (?, ?, ?)');
  const read = db.prepare<[number], { body: string }>('select body from events where id = ?');
  return {
    session: async (id) => session.get(id)?.user_id,
    // Autocommit: one transaction, and with synchronous=FULL one fsync of the WAL, per request.
    commit: async (s, kind, body) => Number(insert.run(s, kind, body).lastInsertRowid),
    read: async (id) => read.get(id)?.body,
  };
}

async function pgStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  await pool.query(`create table if not exists sessions (id text primary key, user_id text not null);
                    create table if not exists events (id bigserial primary key, session text not null, kind text not null, body text not null)`);
  return {
    session: async (id) =>
      (await pool.query<{ user_id: string }>('select user_id from sessions where id = $1', [id])).rows[0]
        ?.user_id,
    // One statement outside a transaction block: its own commit, durable (synchronous_commit on).
    commit: async (s, kind, body) =>
      Number(
        (
          await pool.query<{ id: string }>(
            'insert into events (session, kind, body) values ($1, $2, $3) returning id',
            [s, kind, body],
          )
        ).rows[0]!.id,
      ),
    read: async (id) =>
      (await pool.query<{ body: string }>('select body from events where id = $1', [id])).rows[0]?.body,
  };
}

const store = process.env.DATABASE_URL
  ? await pgStore(process.env.DATABASE_URL)
  : sqliteStore(path.join(process.env.DATA_DIR ?? '.', 'bare.db'));
const sid = randomBytes(16).toString('hex');
// The session row goes in through the store's own commit path's table.
if (process.env.DATABASE_URL) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  await c.query('insert into sessions (id, user_id) values ($1, $2)', [sid, 'bench']);
  await c.end();
} else {
  const db = new Database(path.join(process.env.DATA_DIR ?? '.', 'bare.db'));
  db.prepare('insert into sessions (id, user_id) values (?, ?)').run(sid, 'bench');
  db.close();
}

const app = Fastify({ logger: false });
const sessionOf = async (cookie: string | undefined) => {
  const id = /sid=([0-9a-f]+)/.exec(cookie ?? '')?.[1];
  return id ? store.session(id) : undefined;
};
// A write: the session looked up, the body stored in one durable commit, the new row's id answered.
app.post<{ Params: { kind: string } }>('/w/:kind', async (req, reply) => {
  const user = await sessionOf(req.headers.cookie);
  if (!user) return reply.code(401).send({ error: 'no session' });
  const id = await store.commit(user, req.params.kind, JSON.stringify(req.body ?? {}));
  return { id };
});
// A read (a document download): the session looked up, one row read.
app.get<{ Params: { id: string } }>('/r/:id', async (req, reply) => {
  const user = await sessionOf(req.headers.cookie);
  if (!user) return reply.code(401).send({ error: 'no session' });
  const body = await store.read(Number(req.params.id));
  return body === undefined ? reply.code(404).send({ error: 'none' }) : { body };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`ready ${sid}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
