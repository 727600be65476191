import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { hallDeps } from './hall-deps.js';
import { listSlots } from './list-slots.js';
import { requestBookingCode } from './request-booking-code.js';
import { bookAppointment } from './book-appointment.js';
import {
  cancelAppointment,
  getAppointment,
  listMyAppointments,
  rescheduleAppointment,
} from './manage-appointment.js';
import { appointmentView, getDisplay, getTicketStatus, listCaseVisits, listGroups } from './get-hall.js';
import { presentCall, presentDisplay, presentGroup, presentVisits } from './presenter.js';
import { openEventStream, wantsEvents } from './sse.js';

const err = errorResponses(400, 401, 403, 404, 409, 422, 429);

/** The public side of the hall: groups and slots, booking, a ticket's status, the hall's screens. */
export const hallPublicRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = hallDeps(ctx);
    const tags = ['hall'];
    app.addHook('onClose', async () => deps.feed.close());

    app.get(
      '/hall/groups',
      {
        schema: {
          tags,
          summary: 'The window groups, with how many wait in each',
          response: { 200: S.GroupList, ...err },
        },
      },
      async (req) => {
        const { groups, waiting } = await listGroups(deps, req.actor);
        return { items: groups.map((g) => presentGroup(g, waiting)) };
      },
    );
    app.get(
      '/hall/groups/:id/slots',
      {
        schema: {
          tags,
          summary: "A group's bookable appointment slots (working days only) and the places left",
          params: IdParam,
          response: { 200: S.SlotDays, ...err },
        },
      },
      async (req) => ({ groupId: req.params.id, days: await listSlots(deps, req.actor, req.params.id) }),
    );
    app.post(
      '/hall/booking-codes',
      {
        schema: {
          tags,
          summary: 'Send a one-time code by SMS, to book without an account',
          body: S.CodeBody,
          response: { 201: S.CodeSent, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await requestBookingCode(deps, req.actor, req.body)),
    );
    app.post(
      '/hall/appointments',
      {
        schema: {
          tags,
          summary:
            "Book an appointment: an applicant's account, or name, phone, ID number and the one-time code",
          body: S.BookBody,
          response: { 201: S.AppointmentView, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await appointmentView(deps, await bookAppointment(deps, req.actor, req.body))),
    );
    app.get(
      '/hall/appointments/mine',
      {
        schema: {
          tags,
          summary: "The applicant's own appointments",
          response: { 200: S.AppointmentList, ...err },
        },
      },
      async (req) => ({
        items: await Promise.all(
          (await listMyAppointments(deps, req.actor)).map((a) => appointmentView(deps, a)),
        ),
      }),
    );
    app.get(
      '/hall/appointments/:token',
      {
        schema: {
          tags,
          summary: 'An appointment by the secret token of its link',
          params: S.TokenParam,
          response: { 200: S.AppointmentView, ...err },
        },
      },
      async (req) => appointmentView(deps, await getAppointment(deps, req.actor, req.params.token)),
    );
    app.post(
      '/hall/appointments/:token/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel an appointment',
          params: S.TokenParam,
          response: { 200: S.AppointmentView, ...err },
        },
      },
      async (req) => appointmentView(deps, await cancelAppointment(deps, req.actor, req.params.token)),
    );
    app.post(
      '/hall/appointments/:token/reschedule',
      {
        schema: {
          tags,
          summary: 'Move an appointment to another slot of its group',
          params: S.TokenParam,
          body: S.RescheduleBody,
          response: { 200: S.AppointmentView, ...err },
        },
      },
      async (req) =>
        appointmentView(deps, await rescheduleAppointment(deps, req.actor, req.params.token, req.body)),
    );
    app.get(
      '/hall/tickets/status/:token',
      {
        schema: {
          tags,
          summary:
            "A ticket's place and estimated wait, by the token on the ticket; with Accept: text/event-stream, a stream of 'status' events as it moves",
          params: S.TokenParam,
          response: { 200: S.TicketStatusView, ...err },
        },
      },
      async (req, reply) => {
        const { status, ticketId, groupId } = await getTicketStatus(deps, req.actor, req.params.token);
        if (!wantsEvents(req)) return status;
        openEventStream(req, reply, (send) => {
          send('status', status);
          return deps.watchers.watch(ticketId, groupId, (s) => send('status', s));
        });
        return reply;
      },
    );
    app.get(
      '/hall/display',
      {
        schema: {
          tags,
          summary:
            "The hall's screens: the latest calls and the queues; with Accept: text/event-stream, a stream of 'call' events as numbers are called",
          response: { 200: S.DisplayView, ...err },
        },
      },
      async (req, reply) => {
        const view = presentDisplay(await getDisplay(deps, req.actor));
        if (!wantsEvents(req)) return view;
        openEventStream(req, reply, (send) => {
          send('snapshot', view);
          return deps.feed.subscribe((events) => {
            for (const e of events)
              if (e.kind === 'call' || e.kind === 'recall') send('call', presentCall(e));
          });
        });
        return reply;
      },
    );
    app.get(
      '/hall/cases/:id/visits',
      {
        schema: {
          tags,
          summary: 'How many times the applicant came to the hall for a case (跑动次数), against the promise',
          params: IdParam,
          response: { 200: S.CaseVisitsView, ...err },
        },
      },
      async (req) => presentVisits(await listCaseVisits(deps, req.actor, req.params.id)),
    );
  };
