import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import { fromJson } from '../../shared/json.js';
import {
  errorResponses,
  IdParam,
  Nullable,
  paged,
  StringEnum,
  toLimitOffset,
} from '../../shared/schema-helpers.js';
import { localDate } from '../clock/local-time.js';
import { presentClock } from '../clock/presenter.js';
import { clocksOfSubject, eventsOf, findClock } from '../clock/repository.js';
import { clockPolicy } from '../clock/policy.js';
import { boardCounts, findClocks, findOrders, findSignals } from './repository.js';
import { departmentScope, supervisionPolicy } from './policy.js';
import { answerOrder, closeOrder } from './answer-order.js';
import { setThreshold } from './set-threshold.js';
import { SIGNAL_KINDS } from './signals.js';

const Page = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};
const Reason = Type.Object({
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});
const ClockView = Type.Object(
  {
    id: Type.String(),
    subjectType: Type.String(),
    subjectId: Type.String(),
    parentId: Nullable(Type.String()),
    label: Type.String(),
    departmentId: Nullable(Type.String()),
    itemId: Nullable(Type.String()),
    status: Type.String(),
    colour: StringEnum(['green', 'yellow', 'red'] as const),
    startDate: Type.String(),
    limitDays: Type.Integer(),
    extensionDays: Type.Integer(),
    pausedDays: Type.Integer(),
    pausedSince: Nullable(Type.String()),
    dueDate: Type.String(),
    provisional: Type.Boolean(),
    yellowAt: Nullable(Type.String()),
    overdueAt: Type.String(),
    remainingWorkingDays: Nullable(Type.Integer()),
    elapsedPct: Nullable(Type.Integer()),
    startedAt: Type.String(),
    stoppedAt: Nullable(Type.String()),
    outcome: Nullable(Type.String()),
    version: Type.Integer(),
    explanation: Type.Optional(Type.Array(Reason)),
    history: Type.Optional(
      Type.Array(
        Type.Object({
          seq: Type.Integer(),
          kind: Type.String(),
          at: Type.String(),
          actorId: Nullable(Type.String()),
          data: Type.Record(Type.String(), Type.Unknown()),
        }),
      ),
    ),
  },
  {
    description:
      'a clock: status, colour, due date, remaining working days, and (in detail) its explanation and history',
  },
);
const SignalView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    severity: Type.String(),
    title: Type.String(),
    titleEn: Type.String(),
    clockId: Nullable(Type.String()),
    subjectType: Type.String(),
    subjectId: Type.String(),
    departmentId: Nullable(Type.String()),
    raisedAt: Type.String(),
    status: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { title: 'Signal' },
);
const OrderView = Type.Object(
  {
    id: Type.String(),
    clockId: Type.String(),
    label: Nullable(Type.String()),
    dueDate: Nullable(Type.String()),
    subjectType: Type.String(),
    subjectId: Type.String(),
    departmentId: Nullable(Type.String()),
    status: Type.String({ description: 'open, answered or closed' }),
    openedAt: Type.String(),
    answerClockId: Nullable(Type.String()),
    answerDueDate: Nullable(Type.String()),
    answerColour: Nullable(Type.String()),
    answer: Nullable(Type.String()),
    answeredAt: Nullable(Type.String()),
    answeredBy: Nullable(Type.String()),
    closedAt: Nullable(Type.String()),
    closeNote: Nullable(Type.String()),
    version: Type.Integer(),
  },
  { title: 'SupervisionOrder' },
);
const pageOf = <T>(items: T[], total: number, q: { page: number; pageSize: number }) => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});

export const supervisionRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock, calendars } = ctx;
    const tags = ['supervision'];
    const scope = (actor: Parameters<typeof departmentScope>[0], requested?: string) => {
      const s = departmentScope(actor, requested);
      if (s === null)
        throw new AppError(actor.role === 'anonymous' ? 'unauthenticated' : 'forbidden', {
          action: 'supervision.read',
        });
      return s;
    };

    app.get(
      '/supervision/board',
      {
        schema: {
          tags,
          summary: 'Open clocks by department and colour',
          querystring: Type.Object({ subjectType: Type.Optional(Type.String({ maxLength: 40 })) }),
          response: {
            200: Type.Object({
              departments: Type.Array(
                Type.Object({
                  departmentId: Nullable(Type.String()),
                  code: Nullable(Type.String()),
                  name: Nullable(Type.String()),
                  green: Type.Integer(),
                  yellow: Type.Integer(),
                  red: Type.Integer(),
                  paused: Type.Integer(),
                }),
              ),
              totals: Type.Object({
                green: Type.Integer(),
                yellow: Type.Integer(),
                red: Type.Integer(),
                paused: Type.Integer(),
              }),
            }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (req) => {
        authorize(req.actor, supervisionPolicy.readAll, undefined, 'supervision.board');
        const [counts, depts] = await Promise.all([
          boardCounts(db, req.query.subjectType),
          db
            .selectFrom('departments')
            .select(['id', 'code', 'name', 'sort_order'])
            .orderBy('sort_order')
            .execute(),
        ]);
        const zero = () => ({ green: 0, yellow: 0, red: 0, paused: 0 });
        const byDept = new Map<string | null, ReturnType<typeof zero>>();
        const totals = zero();
        for (const c of counts) {
          const k = c.status === 'paused' ? 'paused' : (c.colour as 'green' | 'yellow' | 'red');
          const row = byDept.get(c.department_id) ?? zero();
          row[k] += Number(c.n);
          totals[k] += Number(c.n);
          byDept.set(c.department_id, row);
        }
        const departments: {
          departmentId: string | null;
          code: string | null;
          name: string | null;
          green: number;
          yellow: number;
          red: number;
          paused: number;
        }[] = depts.map((d) => ({
          departmentId: d.id,
          code: d.code,
          name: d.name,
          ...(byDept.get(d.id) ?? zero()),
        }));
        if (byDept.has(null))
          departments.push({ departmentId: null, code: null, name: null, ...byDept.get(null)! });
        return { departments, totals };
      },
    );

    app.get(
      '/supervision/clocks',
      {
        schema: {
          tags,
          summary: 'Open clocks by colour, department and kind, soonest due first',
          querystring: Type.Object({
            colour: Type.Optional(StringEnum(['green', 'yellow', 'red'] as const)),
            status: Type.Optional(StringEnum(['running', 'paused', 'stopped'] as const)),
            department: Type.Optional(Type.String({ maxLength: 100 })),
            subjectType: Type.Optional(Type.String({ maxLength: 40 })),
            ...Page,
          }),
          response: {
            200: Type.Object({
              items: Type.Array(ClockView),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (req) => {
        const departmentId = scope(req.actor, req.query.department);
        const cal = await calendars.get();
        const today = localDate(clock.now());
        const { rows, total } = await findClocks(db, {
          ...req.query,
          departmentId,
          ...toLimitOffset(req.query),
        });
        return pageOf(
          rows.map((r) => presentClock(cal, r, today)),
          total,
          req.query,
        );
      },
    );

    app.get(
      '/supervision/signals',
      {
        schema: {
          tags,
          summary: 'Supervision signals from every module',
          querystring: Type.Object({
            kind: Type.Optional(StringEnum(Object.keys(SIGNAL_KINDS) as (keyof typeof SIGNAL_KINDS)[])),
            status: Type.Optional(StringEnum(['open', 'closed'] as const)),
            department: Type.Optional(Type.String({ maxLength: 100 })),
            subjectType: Type.Optional(Type.String({ maxLength: 40 })),
            subjectId: Type.Optional(Type.String({ maxLength: 100 })),
            ...Page,
          }),
          response: {
            200: paged(SignalView),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (req) => {
        const departmentId = scope(req.actor, req.query.department);
        const { rows, total } = await findSignals(db, {
          ...req.query,
          departmentId,
          ...toLimitOffset(req.query),
        });
        return pageOf(
          rows.map((s) => ({
            id: s.id,
            kind: s.kind,
            severity: s.severity,
            title: SIGNAL_KINDS[s.kind as keyof typeof SIGNAL_KINDS]?.zh ?? s.kind,
            titleEn: SIGNAL_KINDS[s.kind as keyof typeof SIGNAL_KINDS]?.en ?? s.kind,
            clockId: s.clock_id,
            subjectType: s.subject_type,
            subjectId: s.subject_id,
            departmentId: s.department_id,
            raisedAt: s.raised_at,
            status: s.status,
            data: fromJson(s.data, {}),
          })),
          total,
          req.query,
        );
      },
    );

    app.get(
      '/supervision/orders',
      {
        schema: {
          tags,
          summary: 'Supervision orders (督办)',
          querystring: Type.Object({
            status: Type.Optional(StringEnum(['open', 'answered', 'closed'] as const)),
            department: Type.Optional(Type.String({ maxLength: 100 })),
            ...Page,
          }),
          response: {
            200: paged(OrderView),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (req) => {
        const departmentId = scope(req.actor, req.query.department);
        const { rows, total } = await findOrders(db, {
          ...req.query,
          departmentId,
          ...toLimitOffset(req.query),
        });
        return pageOf(
          rows.map((o) => ({
            id: o.id,
            clockId: o.clock_id,
            label: o.clock_label,
            dueDate: o.clock_due_date,
            subjectType: o.subject_type,
            subjectId: o.subject_id,
            departmentId: o.department_id,
            status: o.status,
            openedAt: o.opened_at,
            answerClockId: o.answer_clock_id,
            answerDueDate: o.answer_due_date,
            answerColour: o.answer_colour,
            answer: o.answer,
            answeredAt: o.answered_at,
            answeredBy: o.answered_by,
            closedAt: o.closed_at,
            closeNote: o.close_note,
            version: o.version,
          })),
          total,
          req.query,
        );
      },
    );

    const OrderBody = { version: Type.Integer({ minimum: 1 }) };
    app.post(
      '/supervision/orders/:id/answer',
      {
        schema: {
          tags,
          summary: "The department head's answer to a supervision order",
          params: IdParam,
          body: Type.Object({ ...OrderBody, answer: Type.String({ minLength: 2, maxLength: 5000 }) }),
          response: {
            200: Type.Object({ id: Type.String(), status: Type.String(), version: Type.Integer() }),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (req) => {
        const o = await answerOrder(db, clock, await calendars.get(), req.actor, req.params.id, req.body);
        return { id: o!.id, status: o!.status, version: o!.version };
      },
    );
    app.post(
      '/supervision/orders/:id/close',
      {
        schema: {
          tags,
          summary: 'A supervisor closes a supervision order',
          params: IdParam,
          body: Type.Object({ ...OrderBody, note: Type.String({ minLength: 2, maxLength: 2000 }) }),
          response: {
            200: Type.Object({ id: Type.String(), status: Type.String(), version: Type.Integer() }),
            ...errorResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (req) => {
        const o = await closeOrder(db, clock, await calendars.get(), req.actor, req.params.id, req.body);
        return { id: o!.id, status: o!.status, version: o!.version };
      },
    );

    app.get(
      '/clocks/:id',
      {
        schema: {
          tags,
          summary: 'A clock with its explanation and append-only history',
          params: IdParam,
          response: { 200: ClockView, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => {
        const c = await findClock(db, req.params.id);
        if (!c) throw notFound('clock', req.params.id);
        authorize(req.actor, clockPolicy.readClock, c.department_id, 'clock.read');
        return presentClock(await calendars.get(), c, localDate(clock.now()), await eventsOf(db, [c.id]));
      },
    );

    app.get(
      '/supervision/subjects/:type/:id/clocks',
      {
        schema: {
          tags,
          summary: "A case's (or any subject's) clocks with their explanations",
          params: Type.Object({ type: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 100 }) }),
          response: { 200: Type.Object({ items: Type.Array(ClockView) }), ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        const rows = await clocksOfSubject(db, req.params.type, req.params.id);
        for (const r of rows) authorize(req.actor, clockPolicy.readClock, r.department_id, 'clock.read');
        if (rows.length === 0) authorize(req.actor, supervisionPolicy.readAll, undefined, 'clock.read');
        const events = await eventsOf(
          db,
          rows.map((r) => r.id),
        );
        const cal = await calendars.get();
        const today = localDate(clock.now());
        return {
          items: rows.map((r) =>
            presentClock(
              cal,
              r,
              today,
              events.filter((e) => e.clock_id === r.id),
            ),
          ),
        };
      },
    );

    app.put(
      '/admin/supervision/thresholds',
      {
        schema: {
          tags,
          summary: 'Yellow threshold for a department or an item (percent of committed time)',
          body: Type.Object({
            scope: StringEnum(['department', 'item'] as const),
            scopeId: Type.String({ minLength: 1, maxLength: 100 }),
            yellowPct: Type.Integer({ minimum: 1, maximum: 99 }),
          }),
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        await setThreshold(db, clock, req.actor, req.body);
        return reply.status(204).send(null);
      },
    );
  };
