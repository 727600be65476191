import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { assessmentDeps } from './assessment-deps.js';
import { getAssessment } from './get-assessment.js';
import { getBreakdown } from './get-breakdown.js';
import { traceFigure } from './trace-figure.js';
import { listSchemes, saveScheme } from './save-scheme.js';
import { commentResult, finaliseResult } from './decide-result.js';
import { defaultPeriod, measureViews } from './presenter.js';
import { exportTable } from './export-table.js';
import { departmentReportPdf } from './report-pdf.js';

const err = errorResponses(400, 401, 403, 404, 409);
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Performance assessment (效能考核): results per department, the records behind them, grading and exports. */
export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = assessmentDeps(ctx);
    const tags = ['assessment'];
    const periodOf = (p: string | undefined) => p ?? defaultPeriod(deps.clock.now());

    app.get(
      '/assessment',
      {
        schema: {
          tags,
          summary: "A period's results per department: figures, score, grade and ranking",
          querystring: S.PeriodQuery,
          response: { 200: S.AssessmentView, ...err },
        },
      },
      async (req) => ({
        ...(await getAssessment(deps, req.actor, { period: periodOf(req.query.period) })),
        measures: measureViews(),
      }),
    );
    app.get(
      '/assessment/trace',
      {
        schema: {
          tags,
          summary: "The records behind a department's figure, with links to their pages",
          querystring: S.TraceQuery,
          response: { 200: S.TraceView, ...err },
        },
      },
      async (req) => traceFigure(deps, req.actor, req.query),
    );
    app.get(
      '/assessment/breakdown',
      {
        schema: {
          tags,
          summary: "A department's figures per item, staff member or window",
          querystring: S.BreakdownQuery,
          response: { 200: S.BreakdownView, ...err },
        },
      },
      async (req) => ({ ...(await getBreakdown(deps, req.actor, req.query)), measures: measureViews() }),
    );
    app.get(
      '/assessment/schemes',
      {
        schema: {
          tags,
          summary: "Every version of a period's weights and grade thresholds, newest first",
          querystring: S.PeriodQuery,
          response: { 200: S.SchemeList, ...err },
        },
      },
      async (req) => listSchemes(deps, req.actor, periodOf(req.query.period)),
    );
    app.post(
      '/assessment/schemes',
      {
        schema: {
          tags,
          summary: "Save a new version of a period's weights and grade thresholds (administrators)",
          body: S.SchemeBody,
          response: { 201: S.SchemeView, ...err },
        },
      },
      async (req, reply) => reply.code(201).send(await saveScheme(deps, req.actor, req.body)),
    );
    app.post(
      '/assessment/results/:departmentId/comment',
      {
        schema: {
          tags,
          summary: "The department's comment on its result, before it is final (its head)",
          params: S.DepartmentParam,
          body: S.CommentBody,
          response: { 200: S.ResultChange, ...err },
        },
      },
      async (req) => commentResult(deps, req.actor, { ...req.body, departmentId: req.params.departmentId }),
    );
    app.post(
      '/assessment/results/:departmentId/finalise',
      {
        schema: {
          tags,
          summary: "Finalise a department's result: figures, score and grade are frozen",
          params: S.DepartmentParam,
          body: S.FinaliseBody,
          response: { 200: S.ResultChange, ...err },
        },
      },
      async (req) => finaliseResult(deps, req.actor, { ...req.body, departmentId: req.params.departmentId }),
    );
    app.get(
      '/assessment/export',
      {
        schema: {
          tags,
          summary: "A period's results as CSV or XLSX",
          querystring: S.ExportQuery,
        },
      },
      async (req, reply) => {
        const file = await exportTable(deps, req.actor, { ...req.query, period: periodOf(req.query.period) });
        return reply
          .header('content-type', file.type)
          .header('content-disposition', attachment(file.name))
          .send(file.data);
      },
    );
    app.get(
      '/assessment/results/:departmentId/report.pdf',
      {
        schema: {
          tags,
          summary: "A department's report for a period as PDF, with charts",
          params: S.DepartmentParam,
          querystring: S.PdfQuery,
        },
      },
      async (req, reply) => {
        const file = await departmentReportPdf(deps, req.actor, {
          period: periodOf(req.query.period),
          departmentId: req.params.departmentId,
          lang: req.query.lang ?? 'zh-CN',
        });
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', attachment(file.name))
          .send(file.data);
      },
    );
  };
