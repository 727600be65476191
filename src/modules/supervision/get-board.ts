import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { listDepartments } from '../catalogue/catalogue-reads.js';
import { supervisionPolicy } from './policy.js';
import { boardCounts } from './repository.js';

/** The open clocks counted by department, status and colour, with every department to list them under. */
export async function getBoard(db: Db, actor: Actor, input: { subjectType?: string }) {
  authorize(actor, supervisionPolicy.readAll, undefined, 'supervision.board');
  const [counts, departments] = await Promise.all([boardCounts(db, input.subjectType), listDepartments(db)]);
  return { counts, departments };
}
