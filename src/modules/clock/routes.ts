import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { authorize } from '../../shared/policy.js';
import { errorResponses, IdParam, IsoDate, Nullable, StringEnum } from '../../shared/schema-helpers.js';
import { isDateString } from './calendar/calendar-day.js';
import { MAX_WORKING_DAYS } from './calendar/working-calendar.js';
import { deadlineReasons, dueReason, provisionalReason } from './explain-clock.js';
import { proposeCalendarYear } from './propose-calendar-year.js';
import { confirmCalendarProposal, rejectCalendarProposal } from './decide-calendar-proposal.js';
import { clockPolicy } from './policy.js';
import { getCalendarYear } from './get-calendar-year.js';
import { getCalendarProposal } from './get-calendar-proposal.js';
import { listCalendarProposals } from './list-calendar-proposals.js';
import { presentCalendarYear, presentProposal } from './presenter.js';
import { PROPOSAL_STATUSES } from './schemas.js';

const Reason = Type.Object({
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
});
const DayView = Type.Object({
  date: Type.String(),
  kind: StringEnum(['holiday', 'makeup_workday'] as const),
  name: Type.String(),
  source: Type.String(),
});
const DateString = IsoDate();
const ProposalView = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  source: Type.String(),
  status: StringEnum(PROPOSAL_STATUSES),
  proposedBy: Nullable(Type.String()),
  proposedAt: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  days: Type.Array(DayView),
  diff: Type.Object({
    added: Type.Array(DayView),
    removed: Type.Array(DayView),
    changed: Type.Array(Type.Object({ before: DayView, after: DayView })),
  }),
});

const badDate = (path: string, value: string) =>
  new AppError('validation_failed', { summary: `${path} ${value}` }, [
    { path, code: 'date', zh: `不是有效日期：${value}`, en: `not a real date: ${value}` },
  ]);

export const clockRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock, calendars } = ctx;
    const tags = ['calendar'];

    app.get(
      '/calendar/:year',
      {
        schema: {
          tags,
          summary: 'The days of a year that are not plain weekdays or weekends, with names',
          params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
          response: {
            200: Type.Object({
              year: Type.Integer(),
              confirmed: Type.Boolean(),
              source: Nullable(Type.String()),
              workingDays: Type.Integer(),
              days: Type.Array(DayView),
            }),
            ...errorResponses(400),
          },
        },
      },
      async (req) => presentCalendarYear(await getCalendarYear(db, calendars, req.params.year)),
    );

    app.get(
      '/calendar/deadline',
      {
        schema: {
          tags,
          summary: 'Working-day calculator: the due date N working days after a date, explained',
          querystring: Type.Object({
            from: DateString,
            workdays: Type.Integer({ minimum: 0, maximum: MAX_WORKING_DAYS }),
          }),
          response: {
            200: Type.Object({
              from: Type.String(),
              workdays: Type.Integer(),
              due: Type.String(),
              provisional: Type.Boolean(),
              explanation: Type.Array(Reason),
            }),
            ...errorResponses(400),
          },
        },
      },
      async (req) => {
        const { from, workdays } = req.query;
        if (!isDateString(from)) throw badDate('/query/from', from);
        const cal = await calendars.get();
        let due: string;
        try {
          due = cal.addWorkingDays(from, workdays);
        } catch (e) {
          throw new AppError('validation_failed', { summary: '/query/from' }, [
            {
              path: '/query/from',
              code: 'range',
              zh: `超出日历范围（${cal.first} 至 ${cal.last}）`,
              en: `outside the calendar (${cal.first} to ${cal.last}): ${(e as Error).message}`,
            },
          ]);
        }
        const explanation = [
          ...deadlineReasons(cal, from, workdays, workdays),
          ...provisionalReason(cal, from, due),
          dueReason(due),
        ];
        return {
          from,
          workdays,
          due,
          provisional: explanation.some((r) => r.code === 'provisional'),
          explanation,
        };
      },
    );

    app.post(
      '/admin/calendar/proposals',
      {
        schema: {
          tags,
          summary:
            "Load a year's State Council notice (holiday-cn JSON or typed ranges); a second administrator confirms",
          body: Type.Union([
            Type.Object({
              format: Type.Literal('holiday-cn'),
              content: Type.Unknown(),
              source: Type.String({ minLength: 2, maxLength: 200 }),
            }),
            Type.Object({
              format: Type.Literal('ranges'),
              year: Type.Integer({ minimum: 2000, maximum: 2100 }),
              content: Type.String({ minLength: 1, maxLength: 20000 }),
              source: Type.String({ minLength: 2, maxLength: 200 }),
            }),
          ]),
          response: { 201: ProposalView, ...errorResponses(400, 401, 403, 422) },
        },
      },
      async (req, reply) => {
        const r = await proposeCalendarYear(db, clock, req.actor, req.body);
        return reply.status(201).send(presentProposal(await getCalendarProposal(db, r.id)));
      },
    );

    app.get(
      '/admin/calendar/proposals',
      {
        schema: {
          tags,
          summary: 'Calendar proposals',
          querystring: Type.Object({
            status: Type.Optional(StringEnum(['pending', 'confirmed', 'rejected'] as const)),
          }),
          response: { 200: Type.Object({ items: Type.Array(ProposalView) }), ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        return { items: (await listCalendarProposals(db, req.actor, req.query)).map(presentProposal) };
      },
    );

    app.post(
      '/admin/calendar/proposals/:id/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm a proposal (not by its proposer); re-projects open deadlines',
          params: IdParam,
          body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }),
          response: {
            200: Type.Object({ year: Type.Integer(), change: Type.String(), reprojected: Type.Integer() }),
            ...errorResponses(401, 403, 404, 409),
          },
        },
      },
      async (req) => {
        const r = await confirmCalendarProposal(
          db,
          clock,
          req.actor,
          req.params.id,
          req.body.note,
          calendars.afterReprojection,
        );
        calendars.invalidate();
        return { ...r, year: Number(r.year) };
      },
    );

    app.post(
      '/admin/calendar/proposals/:id/reject',
      {
        schema: {
          tags,
          summary: 'Reject a proposal',
          params: IdParam,
          body: Type.Object({ note: Type.String({ minLength: 2, maxLength: 500 }) }),
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await rejectCalendarProposal(db, clock, req.actor, req.params.id, req.body.note);
        return reply.status(204).send(null);
      },
    );

    if (ctx.testClock) {
      const testClock = ctx.testClock;
      app.get(
        '/test/clock',
        {
          schema: {
            tags: ['test-mode'],
            summary: 'Test mode only: the server time',
            response: { 200: Type.Object({ now: Type.String(), offsetMs: Type.Number() }) },
          },
        },
        async () => ({ now: clock.now().toISOString(), offsetMs: testClock.offset }),
      );
      app.post(
        '/test/clock',
        {
          schema: {
            tags: ['test-mode'],
            summary: 'Test mode only: move time forward, then run supervision and notification delivery',
            body: Type.Object({ advanceHours: Type.Number({ minimum: 0, maximum: 24 * 3650 }) }),
            response: {
              200: Type.Object({
                now: Type.String(),
                offsetMs: Type.Number(),
                supervision: Type.Object({
                  claimed: Type.Integer(),
                  yellow: Type.Integer(),
                  red: Type.Integer(),
                  recovered: Type.Integer(),
                }),
              }),
              ...errorResponses(401, 403),
            },
          },
        },
        async (req) => {
          authorize(req.actor, clockPolicy.moveTestClock, undefined, 'test_clock.move');
          const from = clock.now().toISOString();
          testClock.advance(req.body.advanceHours * 3_600_000);
          await audited(db, clock, req.actor, (uow) =>
            uow.audit({
              action: 'test_clock.moved',
              entityType: 'test_clock',
              entityId: 'server',
              data: { from, to: uow.nowIso, advanceHours: req.body.advanceHours },
            }),
          );
          const supervision = await ctx.supervision.drain();
          await ctx.notifications.drain();
          req.log.warn({ advanceHours: req.body.advanceHours }, 'test clock moved');
          return { now: clock.now().toISOString(), offsetMs: testClock.offset, supervision };
        },
      );
    }
  };
