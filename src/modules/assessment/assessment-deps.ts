import type { AppContext } from '../../server/context.js';
import { refreshAssessment, type AssessmentDeps } from './refresh-assessment.js';

const wired = new WeakMap<AppContext, AssessmentDeps>();

/**
 * What the assessment use cases need, built once per application context. The aggregates follow
 * the records after every supervision pass, in every instance (the refresh claims its cursor, so
 * only one instance refreshes at a time).
 */
export function assessmentDeps(ctx: AppContext): AssessmentDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = { db: ctx.db, clock: ctx.clock, calendars: ctx.calendars };
    wired.set(ctx, d);
    const deps = d;
    ctx.supervision.afterPass.push(() => refreshAssessment(deps));
  }
  return d;
}
