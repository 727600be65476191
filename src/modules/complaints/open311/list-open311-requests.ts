import { notFound } from '../../../server/errors.js';
import { departmentsById } from '../../catalogue/catalogue-reads.js';
import type { ComplaintDeps } from '../complaint-deps.js';
import { listCategoryRows } from '../repository.js';
import { bad, checkJurisdiction, dateParam } from './open311-input.js';
import { presentRequest } from './present-open311.js';
import { eventsOfMany, findOpen311ById, open311Requests } from './repository-open311.js';

const DAY = 86_400_000;
const OPEN = ['submitted', 'accepted', 'dispatched', 'returned', 'replied'];
const CLOSED = ['closed', 'not_accepted', 'merged'];

export interface RequestsQuery {
  jurisdiction_id?: string;
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

/**
 * GET requests with the spec's filters: ids (a comma list, which overrides the others), service
 * code, dates (default: the 90 days up to now) and status; at most 1,000 records.
 */
export async function listOpen311Requests(deps: ComplaintDeps, q: RequestsQuery) {
  checkJurisdiction(deps, q.jurisdiction_id);
  const nowMs = deps.clock.now().getTime();
  // Without end_date the list runs to now, and past it: a ticket written a moment ago by another
  // instance or the writer thread may carry a time a few milliseconds ahead of this clock's.
  const end = dateParam('end_date', q.end_date);
  const start =
    dateParam('start_date', q.start_date) ??
    new Date((end ? Date.parse(end) : nowMs) - 90 * DAY).toISOString();
  const statuses = q.status ? q.status.split(',').map((s) => s.trim()) : [];
  if (statuses.some((s) => s !== 'open' && s !== 'closed'))
    throw bad('status', 'status 只能是 open 或 closed', 'status must be open or closed');
  const states = statuses.length === 1 ? (statuses[0] === 'open' ? OPEN : CLOSED) : undefined;
  const ids = q.service_request_id
    ? q.service_request_id
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const rows = await open311Requests(deps.db, {
    ...(ids ? { ids } : {}),
    ...(q.service_code && !ids ? { serviceCode: q.service_code } : {}),
    startIso: start,
    ...(end ? { endIso: end } : {}),
    ...(states && !ids ? { states } : {}),
    limit: 1000,
  });
  const [cats, depts, events] = await Promise.all([
    listCategoryRows(deps.db),
    departmentsById(deps.db),
    eventsOfMany(
      deps.db,
      rows.map((r) => r.id),
    ),
  ]);
  const catName = new Map(cats.map((c) => [c.code, c.name_zh]));
  return rows.map((r) =>
    presentRequest(r, {
      serviceName: catName.get(r.category_code) ?? r.category_code,
      agency: depts.get(r.assigned_department_id ?? r.department_id)?.name ?? '',
      expected: r.expected_at ?? null,
      notes: events.filter((e) => e.complaint_id === r.id).map((e) => ({ datetime: e.at, kind: e.kind })),
    }),
  );
}

/** GET requests/{id}: one request (in a list, as the spec answers). */
export async function getOpen311Request(deps: ComplaintDeps, id: string, q: { jurisdiction_id?: string }) {
  const rows = await listOpen311Requests(deps, { ...q, service_request_id: id });
  if (!rows.length) throw notFound('open311_request', id);
  return rows;
}

/** GET tokens/{token}: the request id a token stands for. */
export async function resolveOpen311Token(
  deps: ComplaintDeps,
  token: string,
  q: { jurisdiction_id?: string },
) {
  checkJurisdiction(deps, q.jurisdiction_id);
  const r = await findOpen311ById(deps.db, token);
  if (!r) throw notFound('open311_token', token);
  return [{ service_request_id: r.ticket_no, token }];
}
