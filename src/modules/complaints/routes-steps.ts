import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { errorResponses } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import type { ComplaintModule } from './complaint-module.js';
import { acceptComplaint } from './accept-complaint.js';
import { refuseComplaint } from './refuse-complaint.js';
import { dispatchComplaint } from './dispatch-complaint.js';
import { returnComplaint } from './return-complaint.js';
import { decideReturn } from './decide-return.js';
import { reassignComplaint } from './reassign-complaint.js';
import { replyComplaint } from './reply-complaint.js';
import { closeComplaint } from './close-complaint.js';
import { recordCallback } from './record-callback.js';
import { rateComplaint } from './rate-complaint.js';
import { reopenComplaint } from './reopen-complaint.js';
import { mergeComplaints } from './merge-complaints.js';
import { proveReporter } from './reporter-proof.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const err = errorResponses(400, 401, 403, 404, 409, 422, 429);
const step = <B extends TSchema>(summary: string, body: B) => ({
  schema: { tags: ['complaints'], summary, params: IdParams, body, response: { 200: S.StepResult, ...err } },
});

/** The steps of a ticket's loop, one route each; the reporter's steps take the check code instead of a login. */
export const complaintStepRoutes =
  (m: ComplaintModule): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { deps } = m;
    app.post('/complaints/:id/accept', step('受理: accept the report', S.StepBody), async (req) =>
      acceptComplaint(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post(
      '/complaints/:id/refuse',
      step('不予受理: do not accept, with reasons', S.RefuseBody),
      async (req) => refuseComplaint(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post('/complaints/:id/dispatch', step('交办: hand to a department', S.DispatchBody), async (req) =>
      dispatchComplaint(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post(
      '/complaints/:id/return',
      step('退单: the department gives it back, naming whom it thinks responsible', S.ReturnBody),
      async (req) => returnComplaint(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post(
      '/complaints/:id/decide-return',
      step('The dispatcher decides a return (upheld: reassigned; rejected: back)', S.DecideReturnBody),
      async (req) => decideReturn(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post('/complaints/:id/reassign', step('改派: reassign', S.ReassignBody), async (req) =>
      reassignComplaint(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post('/complaints/:id/reply', step('答复: the handler answers', S.ReplyBody), async (req) =>
      replyComplaint(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post('/complaints/:id/close', step('办结: close; every reporter is told', S.StepBody), async (req) =>
      closeComplaint(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post('/complaints/:id/callback', step('回访: record the call-back', S.CallbackBody), async (req) =>
      recordCallback(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post(
      '/complaints/:id/merge',
      step('并单: merge into another open ticket', S.MergeBody),
      async (req) => mergeComplaints(deps, req.actor, { id: req.params.id, ...req.body }),
    );
    app.post(
      '/complaints/:id/rate',
      step('评价: the reporter rates the handling', S.RateBody),
      async (req) => {
        const codeProved = await proveReporter(deps.db, m.tracker.gate, {
          ...req.params,
          code: req.body.code,
          ip: req.ip,
          now: deps.clock.now(),
        });
        return rateComplaint(deps, req.actor, {
          id: req.params.id,
          codeProved,
          rating: req.body.rating,
          note: req.body.note,
        });
      },
    );
    app.post(
      '/complaints/:id/reopen',
      step('The reporter reopens a closed ticket within the period', S.ReopenBody),
      async (req) => {
        const codeProved = await proveReporter(deps.db, m.tracker.gate, {
          ...req.params,
          code: req.body.code,
          ip: req.ip,
          now: deps.clock.now(),
        });
        return reopenComplaint(deps, req.actor, { id: req.params.id, codeProved, reason: req.body.reason });
      },
    );
  };
