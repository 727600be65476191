import type { InspectionRow } from './repository.js';

/**
 * What the ratings module (好差评) needs to let an enterprise rate an inspection: the subject it rates,
 * the department rated, and whether it may be rated now (once the result is recorded). The
 * verification page and the enterprise's history are where the rating is offered; the enterprise
 * proves itself there as for its receipt and complaint (enterprise-access.ts). Ratings live in that
 * module; this is the one place it reads an inspection through.
 */
export function inspectionRatingSubject(i: Pick<InspectionRow, 'id' | 'number' | 'department_id' | 'state'>) {
  return {
    subjectType: 'inspection' as const,
    subjectId: i.id,
    reference: i.number,
    departmentId: i.department_id,
    rateable: i.state === 'concluded',
  };
}
