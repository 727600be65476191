import type { Actor } from '../../shared/actor.js';
import { STAFF_ROLES } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { learningPolicy } from './policy.js';
import { completionOf } from './progress.js';
import {
  findMaterial,
  insertAssignment,
  listAssignmentRows,
  listMaterialRows,
  type AssignmentRow,
} from './repository.js';

/** Whether an assignment (to a role, a department, both or everyone) falls on a staff member. */
export const appliesTo = (a: AssignmentRow, u: { role: string; department_id: string | null }) =>
  (a.role === null || a.role === u.role) && (a.department_id === null || a.department_id === u.department_id);

/** An administrator assigns a material to a role and/or a department, with a due date. */
export async function assignMaterial(
  deps: ConductDeps,
  actor: Actor,
  input: { materialId: string; role?: string; departmentId?: string; dueDate: string },
) {
  authorize(actor, learningPolicy.manage, undefined, 'learning.assign');
  if (!(await findMaterial(deps.db, input.materialId))) throw notFound('study material', input.materialId);
  if (input.dueDate <= localDate(deps.clock.now()))
    throw new AppError('validation_failed', { summary: '/body/dueDate' }, [
      {
        path: '/body/dueDate',
        code: 'in_past',
        zh: '完成期限须晚于今天',
        en: 'The due date must be after today',
      },
    ]);
  if (input.role && !STAFF_ROLES.includes(input.role as never)) throw notFound('role', input.role);
  const id = await audited(deps.db, deps.clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertAssignment(uow.db, {
      id,
      material_id: input.materialId,
      role: input.role ?? null,
      department_id: input.departmentId ?? null,
      due_date: input.dueDate,
      created_by: actor.id,
      created_at: uow.nowIso,
    });
    await uow.audit({
      action: 'learning.assigned',
      entityType: 'learning_assignment',
      entityId: id,
      data: {
        materialId: input.materialId,
        role: input.role ?? null,
        departmentId: input.departmentId ?? null,
        dueDate: input.dueDate,
      },
    });
    return id;
  });
  return (await listAssignments(deps, actor)).items.find((a) => a.id === id)!;
}

export async function listAssignments(deps: ConductDeps, actor: Actor) {
  authorize(actor, learningPolicy.manage, undefined, 'learning.assign');
  const [rows, materials] = await Promise.all([listAssignmentRows(deps.db), listMaterialRows(deps.db)]);
  const title = new Map(materials.map((m) => [m.id, m.title]));
  return {
    items: rows.map((a) => ({
      id: a.id,
      materialId: a.material_id,
      materialTitle: title.get(a.material_id) ?? '',
      role: a.role,
      departmentId: a.department_id,
      dueDate: a.due_date,
    })),
  };
}

/** What I must study, whether I have completed it, and whether it is overdue. */
export async function myAssignments(deps: ConductDeps, actor: Actor) {
  authorize(actor, learningPolicy.study, undefined, 'learning.study');
  const [rows, materials] = await Promise.all([listAssignmentRows(deps.db), listMaterialRows(deps.db)]);
  const mine = rows.filter((a) => appliesTo(a, { role: actor.role, department_id: actor.departmentId }));
  const done = await completionOf(deps.db, [actor.id!], [...new Set(mine.map((a) => a.material_id))]);
  const title = new Map(materials.map((m) => [m.id, m.title]));
  const today = localDate(deps.clock.now());
  return {
    items: mine.map((a) => {
      const complete = done.get(`${actor.id}:${a.material_id}`) === true;
      return {
        id: a.id,
        materialId: a.material_id,
        materialTitle: title.get(a.material_id) ?? '',
        role: a.role,
        departmentId: a.department_id,
        dueDate: a.due_date,
        complete,
        overdue: !complete && a.due_date < today,
      };
    }),
  };
}
