/**
 * New applications in the writer thread (src/db/writer-thread.ts): what writeSubmission needs,
 * composed on the thread's connection and commit group (composeIntake), and nothing else.
 */
import type { ThreadWriter } from '../../db/writer-thread.js';
import { composeIntake } from './case-deps-factory.js';
import type { IntakeJob, IntakeSummary } from './intake-job.js';
import { writeSubmission } from './write-submission.js';

export const writer: ThreadWriter<IntakeJob, IntakeSummary> = {
  compose(env) {
    const deps = composeIntake(env.config, env.database, env.clock, env.group);
    return { write: (job) => writeSubmission(deps, job), refresh: () => deps.calendars.invalidate() };
  },
};
