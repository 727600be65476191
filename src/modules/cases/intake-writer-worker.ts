/**
 * The intake thread (intake-writer-thread.ts): a connection of its own to the SQLite file, what
 * writeSubmission needs composed on it (composeIntake), and writeSubmission for every application
 * it is sent. The applications that arrive while a batch is being written share the next commit
 * (its intake commit group), as they would in the request thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.js';
import { FollowingClock } from '../../shared/clock.js';
import { composeIntake } from './case-deps-factory.js';
import { writeSubmission } from './write-submission.js';
import {
  toWire,
  type IntakeReply,
  type IntakeRequest,
  type IntakeThreadInit,
} from './intake-writer-thread.js';

const port = parentPort!;
const init = workerData as IntakeThreadInit;
const send = (m: IntakeReply) => port.postMessage(m);

try {
  const database = openDatabase({
    sqliteFile: init.sqliteFile,
    checkpoints: 'elsewhere',
    lockState: init.lockState,
    reader: false,
  });
  // The request thread's clock: real time plus the offset it sends (moved only in the test time mode).
  const clock = new FollowingClock();
  const deps = composeIntake(init.config, database, clock);
  const stats = () => deps.intake.stats;
  let generation = 0;
  let inHand = 0;
  let stopping = false;
  const stop = async () => {
    await database.close();
    port.close();
  };
  port.on('message', (m: IntakeRequest | 'stop') => {
    if (m === 'stop') {
      stopping = true;
      if (!inHand) void stop();
      return;
    }
    clock.offsetMs = m.clockOffsetMs;
    if (m.calendarGeneration !== generation) {
      generation = m.calendarGeneration;
      deps.calendars.invalidate();
    }
    inHand++;
    writeSubmission(deps, m.job)
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
