import type { Db } from '../../db/database.js';
import { commitmentTallyRows } from './repository.js';

export interface CommitmentTally {
  kept: number;
  notKept: number;
  /** published and not yet ended, or awaiting the supervisors' judgement */
  pending: number;
}

/**
 * Commitments whose period ended within [from, to], per department, as other modules read them
 * (the public dashboard): kept, not kept, and not yet decided.
 */
export async function commitmentTallies(
  db: Db,
  from: string,
  to: string,
): Promise<Map<string, CommitmentTally>> {
  const out = new Map<string, CommitmentTally>();
  for (const r of await commitmentTallyRows(db, from, to)) {
    const t = out.get(r.department_id) ?? { kept: 0, notKept: 0, pending: 0 };
    const n = Number(r.n);
    if (r.state === 'kept') t.kept += n;
    else if (r.state === 'not_kept') t.notKept += n;
    else t.pending += n;
    out.set(r.department_id, t);
  }
  return out;
}
