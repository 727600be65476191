import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import { clocksOfSubject, type ClockRow } from '../clock/clock-reads.js';
import { departmentsById } from '../catalogue/catalogue-reads.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';
import { presentAppeal, presentRating, presentRectification } from './presenter.js';
import {
  findAppeal,
  findRating,
  findRectification,
  type RatingRow,
  type RectificationRow,
} from './repository.js';
import { appealPage, ratingPage, ratingsByIds, rectificationPage } from './repository-lists.js';
import { RECTIFICATION_CLOCK } from './open-rectification.js';

interface Page {
  page: number;
  pageSize: number;
}

/** Department staff see only their own department, whatever they ask for. */
function scope(actor: Actor, department: string | undefined): string | undefined {
  authorize(actor, ratingPolicy.list, undefined, 'rating.list');
  return actor.role === 'clerk' || actor.role === 'reviewer' || actor.role === 'head'
    ? actor.departmentId!
    : department;
}

async function namer(deps: RatingDeps) {
  const depts = await departmentsById(deps.db);
  return (id: string) => depts.get(id)?.name ?? id;
}

export async function listRatings(
  deps: RatingDeps,
  actor: Actor,
  q: Page & { department?: string; channel?: string; bad?: boolean },
) {
  const departmentId = scope(actor, q.department);
  const { rows, total } = await ratingPage(deps.db, { ...q, departmentId }, toLimitOffset(q));
  const name = await namer(deps);
  return { items: rows.map((r) => presentRating(r, actor, name(r.department_id))), total };
}

export async function getRating(deps: RatingDeps, actor: Actor, id: string) {
  const r = await findRating(deps.db, id);
  if (!r) throw notFound('rating', id);
  authorize(actor, ratingPolicy.read, { departmentId: r.department_id }, 'rating.read');
  return presentRating(r, actor, (await namer(deps))(r.department_id));
}

async function presentRectifications(deps: RatingDeps, actor: Actor, rows: RectificationRow[]) {
  const ratings = new Map<string, RatingRow>(
    (
      await ratingsByIds(
        deps.db,
        rows.map((x) => x.rating_id),
      )
    ).map((r) => [r.id, r]),
  );
  const name = await namer(deps);
  return Promise.all(
    rows.map(async (x) => {
      const clocks = new Map<string, ClockRow>(
        (await clocksOfSubject(deps.db, RECTIFICATION_CLOCK, x.id)).map((c) => [c.id, c]),
      );
      const r = ratings.get(x.rating_id)!;
      return presentRectification(x, presentRating(r, actor, name(r.department_id)), actor, clocks);
    }),
  );
}

export async function listRectifications(
  deps: RatingDeps,
  actor: Actor,
  q: Page & { department?: string; state?: string; callbackPending?: boolean },
) {
  const departmentId = scope(actor, q.department);
  const { rows, total } = await rectificationPage(deps.db, { ...q, departmentId }, toLimitOffset(q));
  return { items: await presentRectifications(deps, actor, rows), total };
}

export async function listAppeals(deps: RatingDeps, actor: Actor, q: Page & { state?: string }) {
  const departmentId = scope(actor, undefined);
  const { rows, total } = await appealPage(deps.db, { departmentId, state: q.state }, toLimitOffset(q));
  const ratings = new Map(
    (
      await ratingsByIds(
        deps.db,
        rows.map((a) => a.rating_id),
      )
    ).map((r) => [r.id, r]),
  );
  const name = await namer(deps);
  return {
    items: rows.map((a) => {
      const r = ratings.get(a.rating_id)!;
      return presentAppeal(a, presentRating(r, actor, name(r.department_id)));
    }),
    total,
  };
}

export async function getRectification(deps: RatingDeps, actor: Actor, id: string) {
  const x = await findRectification(deps.db, id);
  if (!x) throw notFound('rating_rectification', id);
  authorize(actor, ratingPolicy.read, { departmentId: x.department_id }, 'rating_rectification.read');
  return (await presentRectifications(deps, actor, [x]))[0]!;
}

export async function getAppeal(deps: RatingDeps, actor: Actor, id: string) {
  const a = await findAppeal(deps.db, id);
  if (!a) throw notFound('rating_appeal', id);
  authorize(actor, ratingPolicy.read, { departmentId: a.department_id }, 'rating_appeal.read');
  const r = (await findRating(deps.db, a.rating_id))!;
  return presentAppeal(a, presentRating(r, actor, (await namer(deps))(r.department_id)));
}
