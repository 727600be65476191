import type { ConductDeps } from '../commitments/commitment-deps.js';
import { systemActor } from '../../shared/actor.js';
import { learningProgress } from './progress.js';

/**
 * The measure performance assessment reads: a department's study completion rate (completed ÷
 * assigned, in percent), or null when nothing is assigned to its staff.
 */
export async function departmentLearningRate(
  deps: ConductDeps,
  departmentId: string,
): Promise<number | null> {
  const p = await learningProgress(deps, systemActor('assessment'), departmentId);
  return p.departments.find((d) => d.departmentId === departmentId)?.completionPct ?? null;
}
