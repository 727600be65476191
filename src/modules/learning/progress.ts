import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../shared/actor.js';
import { STAFF_ROLES } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { fromJson } from '../../shared/json.js';
import { localDate } from '../clock/local-time.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { appliesTo } from './assignments.js';
import { learningPolicy } from './policy.js';
import {
  departmentNames,
  listAssignmentRows,
  listMaterialRows,
  questionCounts,
  staffRows,
  studyOf,
  versionsOf,
} from './repository.js';
import { isComplete, type Section } from './volumes.js';

/** Which (user, material) pairs are complete: every current section studied and the quiz passed. */
export async function completionOf(db: Kysely<Database>, userIds: string[], materialIds: string[]) {
  const out = new Map<string, boolean>();
  if (!userIds.length || !materialIds.length) return out;
  const [materials, versions, counts, study] = await Promise.all([
    listMaterialRows(db),
    versionsOf(db, materialIds),
    questionCounts(db, materialIds),
    studyOf(db, userIds, materialIds),
  ]);
  for (const s of study) {
    const m = materials.find((x) => x.id === s.material_id);
    if (!m) continue;
    const v = versions.find((x) => x.material_id === m.id && x.version_no === m.current_version_no);
    const total = fromJson<Section[]>(v?.sections, []).length;
    const sections = s.version_no === m.current_version_no ? fromJson<number[]>(s.sections_done, []) : [];
    const hasQuiz = m.quiz_size > 0 && (counts.get(m.id) ?? 0) > 0;
    out.set(`${s.user_id}:${s.material_id}`, isComplete(total, sections, hasQuiz, s.passed_at !== null));
  }
  return out;
}

/**
 * Progress per staff member and per department: assignments that fall on each, completed, overdue,
 * time spent. A department's completion rate is the measure performance assessment reads.
 */
export async function learningProgress(deps: ConductDeps, actor: Actor, departmentId?: string) {
  authorize(actor, learningPolicy.progress, departmentId ?? null, 'learning.progress');
  const [staff, assignments] = await Promise.all([
    staffRows(deps.db, STAFF_ROLES, departmentId),
    listAssignmentRows(deps.db),
  ]);
  const materialIds = [...new Set(assignments.map((a) => a.material_id))];
  const [done, study] = await Promise.all([
    completionOf(
      deps.db,
      staff.map((s) => s.id),
      materialIds,
    ),
    studyOf(
      deps.db,
      staff.map((s) => s.id),
    ),
  ]);
  const today = localDate(deps.clock.now());
  const people = staff.map((u) => {
    const mine = assignments.filter((a) => appliesTo(a, u));
    const completed = mine.filter((a) => done.get(`${u.id}:${a.material_id}`)).length;
    return {
      userId: u.id,
      name: u.display_name,
      role: u.role,
      departmentId: u.department_id,
      assigned: mine.length,
      completed,
      overdue: mine.filter((a) => !done.get(`${u.id}:${a.material_id}`) && a.due_date < today).length,
      studySeconds: study.filter((s) => s.user_id === u.id).reduce((sum, s) => sum + s.seconds, 0),
    };
  });
  const deptIds = [...new Set(people.map((p) => p.departmentId).filter((d): d is string => !!d))];
  const names = await departmentNames(deps.db, deptIds);
  const departments = deptIds.map((id) => {
    const of = people.filter((p) => p.departmentId === id);
    const assigned = of.reduce((s, p) => s + p.assigned, 0);
    const completed = of.reduce((s, p) => s + p.completed, 0);
    return {
      departmentId: id,
      departmentName: names.get(id) ?? '',
      staff: of.length,
      assigned,
      completed,
      completionPct: assigned ? Math.round((completed * 1000) / assigned) / 10 : null,
    };
  });
  return { staff: people, departments };
}
