import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { inspectionDeps } from './inspection-deps.js';
import { publishInspectionItem } from './publish-item.js';
import { publishViolation } from './publish-violation.js';
import { withdrawPublished } from './withdraw-published.js';
import { saveInspector } from './save-inspector.js';
import { getInspectionSettings, saveInspectionSettings } from './settings.js';
import { registerInspection } from './register-inspection.js';
import { joinInspection } from './join-inspection.js';
import { scanCode } from './scan-code.js';
import { endInspection } from './end-inspection.js';
import { recordResult } from './record-result.js';
import { getInspection, getInspectionRecord, listDepartmentInspections } from './read-inspections.js';
import { inspectionOverview } from './inspection-stats.js';
import { presentInspector, presentItem, presentViolation } from './presenter.js';
import { localDate } from '../clock/local-time.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);
export const sendPdf = (reply: FastifyReply, d: { number: string; sha256: string; pdf: Buffer }) =>
  reply
    .type('application/pdf')
    .header('x-sha256', d.sha256)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${d.number}.pdf`)}`)
    .send(d.pdf);

/** Enterprise inspections, the staff side: publishing, registration, the scan at the door, results, oversight. */
export const inspectionRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = inspectionDeps(ctx);
    const tags = ['inspections'];

    app.post(
      '/admin/inspection-items',
      {
        schema: {
          tags,
          summary: 'Publish an inspection item (检查事项), or its next version',
          body: S.ItemBody,
          response: { 201: S.ItemView, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(presentItem(await publishInspectionItem(deps, req.actor, req.body))),
    );
    app.post(
      '/admin/inspection-items/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw an inspection item in force',
          params: IdParam,
          response: { 200: S.ItemView, ...err },
        },
      },
      async (req) => presentItem((await withdrawPublished(deps, req.actor, 'item', req.params.id)) as never),
    );
    app.post(
      '/admin/inspection-standards',
      {
        schema: {
          tags,
          summary: 'Publish a violation of the penalty discretion standard (裁量基准), or its next version',
          body: S.ViolationBody,
          response: { 201: S.ViolationView, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(presentViolation(await publishViolation(deps, req.actor, req.body))),
    );
    app.post(
      '/admin/inspection-standards/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw a discretion standard in force',
          params: IdParam,
          response: { 200: S.ViolationView, ...err },
        },
      },
      async (req) =>
        presentViolation((await withdrawPublished(deps, req.actor, 'violation', req.params.id)) as never),
    );
    app.post(
      '/admin/inspectors',
      {
        schema: {
          tags,
          summary: 'List an inspector (执法人员) with the enforcement certificate, or renew it',
          body: S.InspectorBody,
          response: { 200: S.InspectorView, ...err },
        },
      },
      async (req) => {
        const r = await saveInspector(deps, req.actor, req.body);
        return presentInspector(r, localDate(deps.clock.now()));
      },
    );
    app.get(
      '/inspection-settings',
      {
        schema: { tags, summary: "The city's inspection thresholds", response: { 200: S.Settings, ...err } },
      },
      async (req) => getInspectionSettings(deps, req.actor),
    );
    app.put(
      '/inspection-settings',
      {
        schema: {
          tags,
          summary: 'Change the caps, the joint-visit window, the result limit and the alert thresholds',
          body: S.SettingsBody,
          response: { 200: S.Settings, ...err },
        },
      },
      async (req) => saveInspectionSettings(deps, req.actor, req.body),
    );

    app.post(
      '/inspections',
      {
        schema: {
          tags,
          summary:
            'Register an inspection before it starts; every refusal names its rule; a joint visit is proposed',
          body: S.RegisterBody,
          response: { 201: S.Registered, ...err },
        },
      },
      async (req, reply) => {
        const r = await registerInspection(deps, req.actor, req.body);
        return reply.status(201).send({
          inspection: await getInspection(deps, req.actor, r.id),
          jointProposals: r.jointProposals,
          signals: r.signals,
        });
      },
    );
    app.get(
      '/inspections',
      {
        schema: {
          tags,
          summary: "A department's plan, calendar and records (supervisors: any department)",
          querystring: S.InspectionListQuery,
          response: { 200: S.InspectionPage, ...err },
        },
      },
      async (req) => ({
        ...(await listDepartmentInspections(deps, req.actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    app.get(
      '/inspections/overview',
      {
        schema: {
          tags,
          summary: 'The city by department and enterprise, with the open signals (supervisors)',
          querystring: S.YearQuery,
          response: { 200: S.OverviewView, ...err },
        },
      },
      async (req) => inspectionOverview(deps, req.actor, req.query.year),
    );
    app.post(
      '/inspections/scan',
      {
        schema: {
          tags,
          summary: "扫码入企: scan the enterprise's code; the visit starts only if registered for today",
          body: S.ScanBody,
          response: { 200: S.InspectionView, ...err },
        },
      },
      async (req) => getInspection(deps, req.actor, await scanCode(deps, req.actor, req.body.code)),
    );
    app.get(
      '/inspections/:id',
      {
        schema: {
          tags,
          summary: 'An inspection',
          params: IdParam,
          response: { 200: S.InspectionView, ...err },
        },
      },
      async (req) => getInspection(deps, req.actor, req.params.id),
    );
    app.get(
      '/inspections/:id/record',
      { schema: { tags, summary: 'The inspection record (检查记录, PDF)', params: IdParam } },
      async (req, reply) => sendPdf(reply, await getInspectionRecord(deps, req.actor, req.params.id)),
    );
    app.post(
      '/inspections/:id/join',
      {
        schema: {
          tags,
          summary: 'Join the proposed joint visit (综合查一次)',
          params: IdParam,
          body: S.JoinBody,
          response: { 200: S.InspectionView, ...err },
        },
      },
      async (req) => {
        await joinInspection(deps, req.actor, req.params.id, req.body);
        return getInspection(deps, req.actor, req.params.id);
      },
    );
    app.post(
      '/inspections/:id/end',
      {
        schema: {
          tags,
          summary: 'End the visit; a visit past its length is signalled',
          params: IdParam,
          body: S.VersionBody,
          response: { 200: S.InspectionView, ...err },
        },
      },
      async (req) => {
        await endInspection(deps, req.actor, req.params.id, req.body.version);
        return getInspection(deps, req.actor, req.params.id);
      },
    );
    app.post(
      '/inspections/:id/result',
      {
        schema: {
          tags,
          summary:
            'Record the result; a penalty outside its standard needs a reason and is signalled; the record is issued',
          params: IdParam,
          body: S.ResultBody,
          response: { 200: S.InspectionView, ...err },
        },
      },
      async (req) => {
        await recordResult(deps, req.actor, req.params.id, req.body);
        return getInspection(deps, req.actor, req.params.id);
      },
    );
  };
