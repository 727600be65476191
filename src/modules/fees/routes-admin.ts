import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import { errorResponses, IdParam, Nullable } from '../../shared/schema-helpers.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import * as S from './schemas.js';
import { AppliedFromStatementView } from './views.js';
import { feesModule } from './fees-module.js';
import { feePolicy } from './policy.js';
import { checkLedger } from './check-ledger.js';
import { remitFunds } from './remit-funds.js';
import { saveItemSettings } from './save-item-settings.js';
import { feeReport, reportTable } from './reports/fee-report.js';
import { csv, xlsx } from '../../shared/spreadsheet/xlsx.js';
import { reconcileStatement } from './reconcile/reconcile-statement.js';
import { getReconciliation, listReconciliations } from './reconcile/get-reconciliation.js';
import { resolveItem } from './reconcile/resolve-item.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);
const N = Type.Integer();
const ReportView = Type.Object({
  period: Type.String(),
  from: Type.String(),
  to: Type.String(),
  departmentId: Nullable(Type.String()),
  items: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      departmentName: Type.String(),
      feeCode: Nullable(Type.String()),
      feeName: Type.String(),
      chargedFen: N,
      waivedFen: N,
      paidFen: N,
      refundedFen: N,
      remittedFen: N,
      overpaidFen: N,
      overpaidRefundedFen: N,
    }),
  ),
  totals: Type.Object({
    chargedFen: N,
    waivedFen: N,
    paidFen: N,
    refundedFen: N,
    remittedFen: N,
    overpaidFen: N,
    overpaidRefundedFen: N,
  }),
});
const ReconView = Type.Object({
  id: Type.String(),
  gateway: Type.String(),
  date: Type.String(),
  importedAt: Type.String(),
  statementSha256: Type.String(),
  rows: N,
  matched: N,
  openItems: N,
  version: N,
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      transactionId: Type.String(),
      paymentCode: Nullable(Type.String()),
      paymentId: Nullable(Type.String()),
      statementFen: Nullable(N),
      ledgerFen: Nullable(N),
      status: Type.String(),
      resolution: Nullable(Type.String()),
      resolvedAt: Nullable(Type.String()),
    }),
  ),
});

/** Finance and supervision: reports and exports, reconciliation, remittance, the ledger check, item settings. */
export const feeAdminRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const m = feesModule(ctx);
    const { rt } = m;
    const tags = ['fees (finance)'];

    app.get(
      '/fee-reports',
      {
        schema: {
          tags,
          summary: 'Daily or monthly fee report by department and fee item (json, csv or xlsx)',
          querystring: S.ReportQuery,
          response: { 200: ReportView, ...err },
        },
      },
      async (req, reply) => {
        let departmentId: string | undefined;
        if (req.query.department) {
          const d = await findDepartment(rt.db, req.query.department);
          if (!d) throw notFound('department', req.query.department);
          departmentId = d.id;
        }
        const r = await feeReport(rt, req.actor, {
          period: req.query.period,
          date: req.query.date,
          departmentId,
        });
        if (req.query.format === 'json') return r;
        const name = `fee-report-${r.period}-${r.period === 'month' ? r.from.slice(0, 7) : r.from}`;
        if (req.query.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(csv(reportTable(r)) as never);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(xlsx(`收费报表 ${r.from}`, reportTable(r)) as never);
      },
    );

    app.post(
      '/fee-reconciliations',
      {
        schema: {
          tags,
          summary: "Import a gateway's daily statement (CSV) and match it with the ledger",
          body: S.ReconcileBody,
          response: { 201: ReconView, ...err },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await getReconciliation(rt.db, req.actor, await reconcileStatement(rt, req.actor, req.body))),
    );
    app.get(
      '/fee-reconciliations',
      {
        schema: {
          tags,
          summary: 'Reconciliations, the latest first',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  gateway: Type.String(),
                  date: Type.String(),
                  importedAt: Type.String(),
                  rows: N,
                  matched: N,
                  openItems: N,
                }),
              ),
            }),
            ...err,
          },
        },
      },
      async (req) => ({ items: await listReconciliations(rt.db, req.actor) }),
    );
    app.get(
      '/fee-reconciliations/:id',
      {
        schema: {
          tags,
          summary: 'A reconciliation: what is missing, extra or different',
          params: IdParam,
          response: { 200: ReconView, ...err },
        },
      },
      async (req) => getReconciliation(rt.db, req.actor, req.params.id),
    );
    app.post(
      '/fee-reconciliations/:id/items/:itemId/resolve',
      {
        schema: {
          tags,
          summary: 'Resolve an item with a note (a missing payment may be applied from the statement)',
          params: Type.Object({
            id: Type.String({ maxLength: 100 }),
            itemId: Type.String({ maxLength: 100 }),
          }),
          body: S.ResolveBody,
          response: {
            200: Type.Object({
              id: Type.String(),
              status: Type.String(),
              applied: Type.Union([Type.Null(), AppliedFromStatementView]),
            }),
            ...err,
          },
        },
      },
      async (req) =>
        resolveItem(rt, req.actor, (n) => m.batcher.submit(n), req.params.id, req.params.itemId, req.body),
    );

    app.post(
      '/fee-remittances',
      {
        schema: {
          tags,
          summary: 'Hand the held fee money to the treasury (上缴国库)',
          body: S.RemitBody,
          response: {
            201: Type.Object({ id: Type.String(), amountFen: N, lines: N, reference: Type.String() }),
            ...err,
          },
        },
      },
      async (req, reply) => reply.status(201).send(await remitFunds(rt, req.actor, req.body)),
    );
    app.get(
      '/fee-ledger/check',
      {
        schema: {
          tags,
          summary: 'The ledger invariants, as `onewindow fees check` reports them',
          response: {
            200: Type.Object({
              ok: Type.Boolean(),
              entries: N,
              cases: N,
              days: N,
              forms: N,
              receipts: N,
              violations: Type.Array(
                Type.Object({ check: Type.String(), subject: Type.String(), detail: Type.String() }),
              ),
            }),
            ...err,
          },
        },
      },
      async (req) => {
        authorize(req.actor, feePolicy.checkLedger, undefined, 'fee.ledger_check');
        return checkLedger(rt.db);
      },
    );
    app.put(
      '/admin/fee-item-settings/:id',
      {
        schema: {
          tags,
          summary: "An item's fee settings: may its certificate go out before the fee is paid",
          params: IdParam,
          body: S.ItemSettingsBody,
          response: {
            200: Type.Object({
              itemId: Type.String(),
              deliverBeforePaid: Type.Boolean(),
              note: Nullable(Type.String()),
            }),
            ...err,
          },
        },
      },
      async (req) => saveItemSettings(rt, req.actor, req.params.id, req.body),
    );
  };
