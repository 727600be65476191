/**
 * The writer thread (writer-thread.ts): a connection of its own to the SQLite file, one commit group
 * on it, and for each job the writer of the module it names, composed on that connection the first
 * time it is asked for. The jobs that arrive while a batch is being written share the next commit,
 * whatever their kind, as they would in the request thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './open-database.js';
import { CommitGroup } from './commit-group.js';
import { FollowingClock } from '../shared/clock.js';
import {
  toWire,
  type ComposedWriter,
  type ThreadWriter,
  type WriterEnv,
  type WriterReply,
  type WriterRequest,
  type WriterThreadInit,
} from './writer-thread.js';

const port = parentPort!;
const init = workerData as WriterThreadInit;
const send = (m: WriterReply) => port.postMessage(m);

try {
  const database = openDatabase({
    sqliteFile: init.sqliteFile,
    checkpoints: 'elsewhere',
    lockState: init.lockState,
    reader: false,
  });
  // The request thread's clock: real time plus the offset it sends (moved only in the test time mode).
  const clock = new FollowingClock();
  const env: WriterEnv = {
    config: init.config,
    database,
    clock,
    group: new CommitGroup(database.db, { name: 'intake', optimistic: true }),
  };
  const writers = new Map<string, Promise<ComposedWriter<unknown, unknown>>>();
  const writerOf = (url: string) => {
    let w = writers.get(url);
    if (!w) {
      w = import(url).then(
        (m: { writer: ThreadWriter<unknown, unknown> }) => m.writer.compose(env),
        (e: unknown) => {
          // (its jobs fail with the reason; the next one tries again)
          writers.delete(url);
          throw e;
        },
      );
      writers.set(url, w);
    }
    return w;
  };
  const stats = () => env.group.stats;
  let generation = 0;
  let inHand = 0;
  let stopping = false;
  const stop = async () => {
    await database.close();
    port.close();
  };
  port.on('message', (m: WriterRequest | 'stop') => {
    if (m === 'stop') {
      stopping = true;
      if (!inHand) void stop();
      return;
    }
    clock.offsetMs = m.clockOffsetMs;
    const refresh = m.calendarGeneration !== generation;
    generation = m.calendarGeneration;
    if (refresh)
      for (const w of writers.values())
        void w.then(
          (c) => c.refresh?.(),
          () => undefined,
        );
    inHand++;
    writerOf(m.writer)
      .then((w) => w.write(m.job))
      .then(
        (value) => send({ id: m.id, ok: true, value, stats: stats() }),
        (e: unknown) => send({ id: m.id, ok: false, error: toWire(e), stats: stats() }),
      )
      .finally(() => {
        if (--inHand === 0 && stopping) void stop();
      });
  });
} catch (e) {
  send({ id: 0, failed: (e as Error).message });
  throw e;
}
