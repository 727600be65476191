import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { localDate } from '../clock/local-time.js';
import { presentClock } from '../clock/presenter.js';
import { answerOrder } from './answer-order.js';
import { closeOrder } from './close-order.js';
import { getBoard } from './get-board.js';
import { getClock } from './get-clock.js';
import { listClocks } from './list-clocks.js';
import { listOrders } from './list-orders.js';
import { listSignals } from './list-signals.js';
import { subjectOf } from './subject-refs.js';
import { listSubjectClocks } from './list-subject-clocks.js';
import { setThreshold } from './set-threshold.js';
import {
  pageOf,
  presentBoard,
  presentClocksWithHistory,
  presentOrder,
  presentOrderChange,
  presentSignal,
} from './presenter.js';
import {
  AnswerOrderBody,
  BoardQuery,
  BoardView,
  ClockListQuery,
  ClockPage,
  SupervisedClockView,
  CloseOrderBody,
  OrderChanged,
  OrderListQuery,
  OrderPage,
  SignalListQuery,
  SignalPage,
  SubjectClocks,
  SubjectParams,
  ThresholdBody,
} from './schemas.js';

export const supervisionRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock, calendars } = ctx;
    const tags = ['supervision'];
    const today = () => localDate(clock.now());

    app.get(
      '/supervision/board',
      {
        schema: {
          tags,
          summary: 'Open clocks by department and colour',
          querystring: BoardQuery,
          response: { 200: BoardView, ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        const { counts, departments } = await getBoard(db, req.actor, req.query);
        return presentBoard(counts, departments);
      },
    );

    app.get(
      '/supervision/clocks',
      {
        schema: {
          tags,
          summary: 'Open clocks by colour, department and kind, soonest due first',
          querystring: ClockListQuery,
          response: { 200: ClockPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { rows, total, subjects } = await listClocks(db, req.actor, req.query);
        const cal = await calendars.get();
        const day = today();
        return pageOf(
          rows.map((r) => ({ ...presentClock(cal, r, day), subject: subjectOf(subjects, r) })),
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
          querystring: SignalListQuery,
          response: { 200: SignalPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { rows, total, subjects } = await listSignals(db, req.actor, req.query);
        return pageOf(
          rows.map((r) => ({ ...presentSignal(r), subject: subjectOf(subjects, r) })),
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
          querystring: OrderListQuery,
          response: { 200: OrderPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { rows, total, subjects } = await listOrders(db, req.actor, req.query);
        return pageOf(
          rows.map((r) => ({ ...presentOrder(r), subject: subjectOf(subjects, r) })),
          total,
          req.query,
        );
      },
    );

    app.post(
      '/supervision/orders/:id/answer',
      {
        schema: {
          tags,
          summary: "The department head's answer to a supervision order",
          params: IdParam,
          body: AnswerOrderBody,
          response: { 200: OrderChanged, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        presentOrderChange(
          await answerOrder(db, clock, await calendars.get(), req.actor, req.params.id, req.body),
        ),
    );

    app.post(
      '/supervision/orders/:id/close',
      {
        schema: {
          tags,
          summary: 'A supervisor closes a supervision order',
          params: IdParam,
          body: CloseOrderBody,
          response: { 200: OrderChanged, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        presentOrderChange(
          await closeOrder(db, clock, await calendars.get(), req.actor, req.params.id, req.body),
        ),
    );

    app.get(
      '/clocks/:id',
      {
        schema: {
          tags,
          summary: 'A clock with its explanation and append-only history',
          params: IdParam,
          response: { 200: SupervisedClockView, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => {
        const { clock: c, events, subject } = await getClock(db, req.actor, req.params.id);
        return { ...presentClock(await calendars.get(), c, today(), events), subject };
      },
    );

    app.get(
      '/supervision/subjects/:type/:id/clocks',
      {
        schema: {
          tags,
          summary: "A case's (or any subject's) clocks with their explanations",
          params: SubjectParams,
          response: { 200: SubjectClocks, ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        const { clocks, events } = await listSubjectClocks(db, req.actor, req.params.type, req.params.id);
        return { items: presentClocksWithHistory(await calendars.get(), today(), clocks, events) };
      },
    );

    app.put(
      '/admin/supervision/thresholds',
      {
        schema: {
          tags,
          summary: 'Yellow threshold for a department or an item (percent of committed time)',
          body: ThresholdBody,
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        await setThreshold(db, clock, req.actor, req.body);
        return reply.status(204).send(null);
      },
    );
  };
