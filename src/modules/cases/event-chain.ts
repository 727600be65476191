import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { CaseEventTable, Database } from '../../db/schema.js';
import { insertAll, runWrite, type InsertPart } from '../../db/insert-rows.js';
import { prepared } from '../../db/prepared.js';
import type { DialectName } from '../../db/column-types.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { randomBytes } from 'node:crypto';
import { CURRENT_HASH_VERSION, GENESIS, eventHash, globalHash, type ChainedEvent } from './event-hash.js';

export { GENESIS };

interface NextLink {
  row: CaseEventTable;
  hash: string;
  seq: number;
}

const headPlain = prepared((db, id: number) =>
  db.selectFrom('event_chain_head').selectAll().where('id', '=', id),
);
const headLocked = prepared((db, id: number) =>
  db.selectFrom('event_chain_head').selectAll().where('id', '=', id).forUpdate(),
);

/**
 * The next event of a case's chain and of the one chain across all cases, hashed but not yet
 * written. The global head is one row; on PostgreSQL it is locked here for the rest of the
 * transaction, so concurrent writers line up instead of forking.
 */
async function nextLink(
  db: Kysely<Database>,
  dialect: DialectName,
  c: { id: string; last_hash: string | null; event_count: number },
  at: string,
  actor: { id: string | null; role: string },
  kind: string,
  data: Record<string, unknown>,
): Promise<NextLink> {
  const [h] = await (dialect === 'postgres' ? headLocked : headPlain)(db, 1);
  if (!h) throw new Error('event_chain_head is missing');
  const e: ChainedEvent = {
    caseId: c.id,
    seq: c.event_count + 1,
    globalSeq: Number(h.global_seq) + 1,
    at,
    actorId: actor.id,
    actorRole: actor.role,
    kind,
    data,
  };
  const prev = c.last_hash ?? GENESIS;
  // A fresh salt per event: the commitment to its personal fields cannot be tested against guesses.
  const salt = randomBytes(16).toString('hex');
  const hash = eventHash(e, prev, CURRENT_HASH_VERSION, salt);
  const gHash = globalHash(e, hash, h.global_hash);
  return {
    hash,
    seq: e.seq,
    row: {
      id: newId(Date.parse(at)),
      case_id: c.id,
      seq: e.seq,
      global_seq: e.globalSeq,
      at,
      actor_id: actor.id,
      actor_role: actor.role,
      kind,
      data: toJson(data),
      prev_hash: prev,
      hash,
      global_prev_hash: h.global_hash,
      global_hash: gHash,
      hash_version: CURRENT_HASH_VERSION,
      salt,
    },
  };
}

/** Writes a link made by nextLink (the case row must exist by then) and moves the global head. */
async function writeLink(db: Kysely<Database>, link: NextLink): Promise<void> {
  await insertAll(db, linkParts(db, link));
}

/** A link's writes as insertAll parts: its event row and the move of the global head. */
function linkParts(db: Kysely<Database>, link: NextLink): InsertPart[] {
  return [
    { table: 'case_events', rows: link.row },
    { query: moveHeadQuery(db, link.row.global_seq, link.row.global_hash) },
  ];
}

const moveHeadSql = new WeakMap<object, string>();
/** The head's update compiled once per dialect (its parameters: seq, hash, id). */
function moveHeadQuery(db: Kysely<Database>, seq: number, hash: string): CompiledQuery {
  const adapter = db.getExecutor().adapter;
  let text = moveHeadSql.get(adapter);
  if (text === undefined)
    moveHeadSql.set(
      adapter,
      (text = db
        .updateTable('event_chain_head')
        .set({ global_seq: 0, global_hash: '' })
        .where('id', '=', 1)
        .compile().sql),
    );
  return CompiledQuery.raw(text, [seq, hash, 1]);
}

/**
 * Appends an event to the case's chain and to the global chain, and moves the case's head.
 */
export async function appendCaseEvent(
  db: Kysely<Database>,
  dialect: DialectName,
  c: { id: string; last_hash: string | null; event_count: number },
  at: string,
  actor: { id: string | null; role: string },
  kind: string,
  data: Record<string, unknown>,
  /** Further columns of the case to write in the same statement, given the new head (e.g. the tracking snapshot). */
  withHead?: (hash: string, seq: number) => { tracking?: string },
): Promise<{ hash: string; seq: number }> {
  const link = await nextLink(db, dialect, c, at, actor, kind, data);
  await writeLink(db, link);
  // (its outcome is not read: in a commit group's batch on PostgreSQL it waits with the link's writes)
  await runWrite(
    db,
    db
      .updateTable('cases')
      .set({ last_hash: link.hash, event_count: link.seq, ...withHead?.(link.hash, link.seq) })
      .where('id', '=', c.id),
  );
  return { hash: link.hash, seq: link.seq };
}

export interface ChainBreak {
  chain: 'case' | 'global';
  caseId?: string;
  seq: number;
  reason: string;
}

/**
 * Checks every case chain and the global chain; names the first broken link of each kind. Runs on
 * a live database: it verifies the chain up to the head it reads first (the head moves in the
 * transaction that appends, so every event up to it is committed), and a case that went on after
 * that is checked on to its current head with the events it appended since.
 */
export async function verifyChains(
  db: Kysely<Database>,
  progress?: (done: number, total: number) => void | Promise<void>,
): Promise<{ events: number; cases: number; breaks: ChainBreak[] }> {
  const head = await db
    .selectFrom('event_chain_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const total = Number(head.global_seq);
  const breaks: ChainBreak[] = [];
  const lastByCase = new Map<string, { seq: number; hash: string }>();
  const broken = (caseId: string) => breaks.some((b) => b.chain === 'case' && b.caseId === caseId);
  /** Checks one event against the one before it in its case; false when the case's chain is broken there. */
  const followCase = (r: CaseEventRow, e: ChainedEvent | undefined): boolean => {
    const last = lastByCase.get(r.case_id) ?? { seq: 0, hash: GENESIS };
    if (r.seq !== last.seq + 1)
      breaks.push({
        chain: 'case',
        caseId: r.case_id,
        seq: last.seq + 1,
        reason: `event ${last.seq + 1} is missing (found ${r.seq})`,
      });
    else if (r.prev_hash !== last.hash)
      breaks.push({
        chain: 'case',
        caseId: r.case_id,
        seq: r.seq,
        reason: 'prev_hash does not match the event before',
      });
    else if (!e)
      breaks.push({
        chain: 'case',
        caseId: r.case_id,
        seq: r.seq,
        reason: 'its data is not valid JSON (altered)',
      });
    else if (!hashMatches(r, e, last.hash))
      breaks.push({
        chain: 'case',
        caseId: r.case_id,
        seq: r.seq,
        reason: 'content does not match its hash (altered)',
      });
    else return true;
    return false;
  };
  let prevGlobal = GENESIS;
  let expected = 1;
  let after = 0;
  let globalBroken = false;
  for (;;) {
    const rows = await db
      .selectFrom('case_events')
      .selectAll()
      .where('global_seq', '>', after)
      .where('global_seq', '<=', total)
      .orderBy('global_seq')
      .limit(5000)
      .execute();
    if (!rows.length) break;
    for (const r of rows) {
      const e = chained(r);
      if (!broken(r.case_id)) followCase(r, e);
      lastByCase.set(r.case_id, { seq: r.seq, hash: r.hash });
      if (!globalBroken) {
        if (Number(r.global_seq) !== expected) {
          breaks.push({
            chain: 'global',
            seq: expected,
            reason: `global event ${expected} is missing (found ${r.global_seq})`,
          });
          globalBroken = true;
        } else if (
          !e ||
          r.global_prev_hash !== prevGlobal ||
          globalHash(e, r.hash, prevGlobal) !== r.global_hash
        ) {
          breaks.push({ chain: 'global', seq: expected, reason: 'global hash does not match' });
          globalBroken = true;
        }
      }
      prevGlobal = r.global_hash;
      expected = Number(r.global_seq) + 1;
      after = Number(r.global_seq);
    }
    await progress?.(after, total);
  }
  if (!globalBroken && (expected - 1 !== total || prevGlobal !== head.global_hash)) {
    breaks.push({
      chain: 'global',
      seq: expected,
      reason: `the chain ends at ${expected - 1} but the head says ${total} (rows deleted at the end?)`,
    });
  }
  // A case's recorded head must match its last event (a deleted last event shows here). A case
  // whose head is past what was scanned appended after the head was read: follow it on.
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'last_hash', 'event_count'])
    .where('event_count', '>', 0)
    .execute();
  for (const c of cases) {
    if (broken(c.id)) continue;
    let last = lastByCase.get(c.id);
    if ((last?.seq ?? 0) < c.event_count) {
      const later = await db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', '=', c.id)
        .where('global_seq', '>', total)
        .orderBy('seq')
        .execute();
      for (const r of later) {
        if (!followCase(r, chained(r))) break;
        lastByCase.set(c.id, (last = { seq: r.seq, hash: r.hash }));
      }
      if (broken(c.id)) continue;
    }
    if (!last || last.seq !== c.event_count || last.hash !== c.last_hash)
      breaks.push({
        chain: 'case',
        caseId: c.id,
        seq: (last?.seq ?? 0) + 1,
        reason: 'the case head does not match its last event (events deleted?)',
      });
  }
  return { events: after, cases: cases.length, breaks };
}

type CaseEventRow = Selectable<Database['case_events']>;

/** Whether the row's hash is its content's by the recipe it records (an unknown recipe never matches). */
function hashMatches(r: CaseEventRow, e: ChainedEvent, prev: string): boolean {
  try {
    return eventHash(e, prev, r.hash_version, r.salt) === r.hash;
  } catch {
    return false;
  }
}
/** The event as hashed, or undefined when its stored data is not JSON (someone wrote over it). */
function chained(r: CaseEventRow): ChainedEvent | undefined {
  let data: unknown;
  try {
    data = JSON.parse(r.data);
  } catch {
    return undefined;
  }
  return {
    caseId: r.case_id,
    seq: r.seq,
    globalSeq: Number(r.global_seq),
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    kind: r.kind,
    data: data as ChainedEvent['data'],
  };
}
