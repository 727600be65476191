import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { fromJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { localDate } from '../clock/local-time.js';
import { presentClock } from '../clock/presenter.js';
import { clockEvents as eventsOf } from '../clock/clock-reads.js';
import type { CaseDeps } from './case-deps.js';
import { allowedActions } from './case-machine.js';
import { casePolicy } from './policy.js';
import { findUsers } from '../identity/user-reads.js';
import { presentCase } from './presenter.js';
import type { CaseViewT } from './schemas.js';
import {
  caseItemsWithVersions,
  clocksByIds,
  departmentIdsOf,
  departmentRefs,
  documentsOf,
  eventsOfCase,
  findCase,
  materialsOf,
  noticesOf,
  recordsOf,
  tasksOf,
} from './repository.js';

/** A case as the people on it see it, with the actions this actor may take now. */
export async function getCase(deps: CaseDeps, actor: Actor, caseId: string): Promise<CaseViewT> {
  const { db } = deps;
  const c = await findCase(db, caseId);
  if (!c) throw notFound('case', caseId);
  const departmentIds = await departmentIdsOf(db, c);
  authorize(actor, casePolicy.read, { applicantUserId: c.applicant_user_id, departmentIds }, 'case.read');
  const [items, materials, tasks, notices, records, documents, events, departments] = await Promise.all([
    caseItemsWithVersions(db, c.id),
    materialsOf(db, c.id),
    tasksOf(db, c.id),
    noticesOf(db, c.id),
    recordsOf(db, c.id),
    documentsOf(db, c.id),
    eventsOfCase(db, c.id),
    departmentRefs(db),
  ]);
  const clockIds = [
    c.acceptance_clock_id,
    c.case_clock_id,
    c.delivery_clock_id,
    ...tasks.map((t) => t.clock_id),
  ].filter((x): x is string => !!x);
  const [clockRows, clockEvents, cal] = await Promise.all([
    clocksByIds(db, clockIds),
    eventsOf(db, clockIds),
    deps.calendars.get(),
  ]);
  const showReviewRecord = casePolicy.readReviewRecord(actor, {
    applicantUserId: c.applicant_user_id,
    departmentIds,
  });
  const staffIds = showReviewRecord ? staffNamed(records, tasks) : [];
  const staffNames = new Map((await findUsers(db, staffIds)).map((u) => [u.id, u.display_name]));
  const today = localDate(deps.clock.now());
  const clocks = new Map(
    clockRows.map((k) => [
      k.id,
      presentClock(
        cal,
        k,
        today,
        clockEvents.filter((e) => e.clock_id === k.id),
      ),
    ]),
  );
  return presentCase(actor, c, {
    items,
    materials,
    tasks,
    notices,
    records,
    documents,
    events,
    departments,
    clocks,
    staffNames,
    showReviewRecord,
    allowedActions: allowedActions(actor, {
      state: c.state,
      applicantUserId: c.applicant_user_id,
      departmentIds,
    }),
  });
}

/** The staff a case's record names: authors of records, deciders of extensions and of tasks. */
function staffNamed(
  records: { author_id: string | null; data: string }[],
  tasks: { decided_by: string | null }[],
): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    if (r.author_id) ids.add(r.author_id);
    const decidedBy = fromJson<{ decidedBy?: unknown }>(r.data, {}).decidedBy;
    if (typeof decidedBy === 'string') ids.add(decidedBy);
  }
  for (const t of tasks) if (t.decided_by) ids.add(t.decided_by);
  return [...ids];
}
