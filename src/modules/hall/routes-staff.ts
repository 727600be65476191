import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { hallDeps } from './hall-deps.js';
import { checkInAppointment, takeTicket } from './take-ticket.js';
import { sitAtWindow } from './sit-at-window.js';
import { callNext } from './call-ticket.js';
import { markAbsent, recallTicket, transferTicket } from './act-on-ticket.js';
import { finishTicket } from './finish-ticket.js';
import { findServedTicket, getWindowPanel, listTickets } from './get-hall.js';
import { saveGroup } from './save-group.js';
import { saveWindow } from './save-window.js';
import { recordNoShows } from './record-no-shows.js';
import { presentGroup, presentTicket, presentWindow } from './presenter.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);

/** The hall's staff: tickets at the front desk and kiosk, calling at the windows, configuration. */
export const hallStaffRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = hallDeps(ctx);
    const tags = ['hall'];
    const ticket201 = { 201: S.TicketView, ...err };

    app.post(
      '/hall/tickets',
      {
        schema: {
          tags,
          summary: 'Take a queue ticket at the kiosk or the front desk',
          body: S.TakeTicketBody,
          response: ticket201,
        },
      },
      async (req, reply) =>
        reply.status(201).send(presentTicket(await takeTicket(deps, req.actor, req.body))),
    );
    app.post(
      '/hall/tickets/check-in',
      {
        schema: {
          tags,
          summary: 'Take the ticket of an appointment by its code (scanned or typed at the kiosk)',
          body: S.CheckInBody,
          response: ticket201,
        },
      },
      async (req, reply) =>
        reply.status(201).send(presentTicket(await checkInAppointment(deps, req.actor, req.body.code))),
    );
    app.get(
      '/hall/tickets',
      {
        schema: {
          tags,
          summary: "Today's tickets, by state",
          querystring: S.TicketStatesQuery,
          response: { 200: S.TicketList, ...err },
        },
      },
      async (req) => ({
        items: (
          await listTickets(
            deps,
            req.actor,
            req.query.state ? [req.query.state] : ['waiting', 'called', 'served', 'absent'],
          )
        ).map(presentTicket),
      }),
    );
    app.get(
      '/hall/tickets/served',
      {
        schema: {
          tags,
          summary:
            'A served ticket by its number (today unless a day is given): what an on-site rating is checked against',
          querystring: S.ServedQuery,
          response: { 200: S.ServedTicketView, ...err },
        },
      },
      async (req) => findServedTicket(deps, req.actor, req.query),
    );
    app.get(
      '/hall/panel',
      { schema: { tags, summary: "The window clerk's panel", response: { 200: S.PanelView, ...err } } },
      async (req) => {
        const p = await getWindowPanel(deps, req.actor);
        const numbers = new Map(p.current ? [[p.current.id, p.current.number]] : []);
        return {
          window: p.mine ? presentWindow(p.mine, req.actor, numbers) : null,
          windows: p.windows.map((w) => presentWindow(w, req.actor, numbers)),
          groups: p.groups.map((g) => presentGroup(g, p.waiting)),
          current: p.current ? presentTicket(p.current) : null,
          next: p.next.map((t) => ({ number: t.number, priorityReason: t.priority_reason })),
        };
      },
    );
    app.post(
      '/hall/windows/sit',
      {
        schema: {
          tags,
          summary: 'Sit down at a window (leaving any other), or leave it',
          body: S.SitBody,
          response: { 204: { type: 'null' }, ...err },
        },
      },
      async (req, reply) => {
        await sitAtWindow(deps, req.actor, req.body);
        return reply.status(204).send();
      },
    );
    app.post(
      '/hall/windows/mine/call-next',
      {
        schema: {
          tags,
          summary: 'Call the next number to my window (null when nobody waits)',
          response: { 200: S.CallResult, ...err },
        },
      },
      async (req) => {
        const t = await callNext(deps, req.actor);
        return { ticket: t ? presentTicket(t) : null };
      },
    );
    const current = (path: string, summary: string, act: typeof recallTicket) =>
      app.post(path, { schema: { tags, summary, response: { 200: S.TicketView, ...err } } }, async (req) =>
        presentTicket(await act(deps, req.actor)),
      );
    current('/hall/windows/mine/recall', 'Call the current number again', recallTicket);
    current('/hall/windows/mine/absent', 'The current number did not come: mark it absent', markAbsent);
    app.post(
      '/hall/windows/mine/transfer',
      {
        schema: {
          tags,
          summary: 'Send the current number to another window group, keeping its place in time',
          body: S.TransferBody,
          response: { 200: S.TicketView, ...err },
        },
      },
      async (req) => presentTicket(await transferTicket(deps, req.actor, req.body)),
    );
    app.post(
      '/hall/windows/mine/finish',
      {
        schema: {
          tags,
          summary: 'The current number is served: record the times and link the visit to its case',
          body: S.FinishBody,
          response: { 200: S.TicketView, ...err },
        },
      },
      async (req) => presentTicket(await finishTicket(deps, req.actor, req.body)),
    );
    app.put(
      '/admin/hall/groups/:code',
      {
        schema: {
          tags,
          summary: 'Create or change a window group (its letter code prefixes its numbers)',
          params: S.GroupCodeParam,
          body: S.GroupBody,
          response: { 200: S.GroupView, ...err },
        },
      },
      async (req) =>
        presentGroup(await saveGroup(deps, req.actor, { ...req.body, code: req.params.code }), []),
    );
    app.put(
      '/admin/hall/windows/:code',
      {
        schema: {
          tags,
          summary: 'Create or change a window and the groups it calls from',
          params: S.WindowCodeParam,
          body: S.WindowBody,
          response: { 200: S.WindowView, ...err },
        },
      },
      async (req) =>
        presentWindow(
          await saveWindow(deps, req.actor, { ...req.body, code: req.params.code }),
          req.actor,
          new Map(),
        ),
    );
    app.post(
      '/admin/hall/no-shows',
      {
        schema: {
          tags,
          summary: 'Record the no-shows now (the hall does it every minute by itself)',
          response: {
            200: { type: 'object', properties: { recorded: { type: 'integer' } }, required: ['recorded'] },
            ...err,
          },
        },
      },
      async (req) => ({ recorded: await recordNoShows(deps, req.actor) }),
    );
  };
