import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam, Nullable, StringEnum, toLimitOffset } from '../../shared/schema-helpers.js';
import { CHANNELS, FEE_CATEGORIES, HANDLING_CLASSES, ITEM_TYPES } from './schemas.js';
import {
  DepartmentView,
  FeeView,
  ItemDetailView,
  ItemSummaryView,
  SearchHitView,
  SummaryView,
} from './views.js';
import { getDepartment } from './get-department.js';
import { listDepartments } from './list-departments.js';
import { listFees } from './list-fees.js';
import { getCatalogueSummary } from './get-catalogue-summary.js';
import { listItems } from './list-items.js';
import { getItem } from './get-item.js';
import { getMaterialFile } from './get-material-file.js';
import path from 'node:path';
import { FileSystemStorage } from '../documents/storage.js';
import { searchItems } from './search-items.js';
import { getBundle, listBundles } from './bundles.js';

const EnglishNameView = Nullable(
  Type.String({ description: 'the English name; null when the catalogue gives none' }),
);

const BundleView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: EnglishNameView,
  description: Type.String(),
  committedDays: Type.Integer(),
  keywords: Type.Array(Type.String()),
  leadDepartment: Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    nameEn: Nullable(Type.String()),
  }),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      department: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) }),
      committedDays: Type.Integer(),
      handlingClass: Type.String(),
    }),
  ),
  materials: Type.Array(
    Type.Object({
      name: Type.String(),
      required: Type.Boolean(),
      deferrable: Type.Boolean(),
      source: Type.String(),
      form: Type.String(),
      copies: Type.Integer(),
      notes: Type.Optional(Type.String()),
      items: Type.Array(Type.String()),
    }),
  ),
  version: Type.Integer(),
});

const ItemQuery = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 100, description: 'department id or code' })),
  type: Type.Optional(StringEnum(ITEM_TYPES)),
  handlingClass: Type.Optional(StringEnum(HANDLING_CLASSES)),
  channel: Type.Optional(StringEnum(CHANNELS)),
  lifeEvent: Type.Optional(Type.String({ maxLength: 20 })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

/** The published service guide: no login needed. */
export const cataloguePublicRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db } = ctx;
    const tags = ['catalogue'];

    app.get(
      '/catalogue/summary',
      { schema: { tags, summary: 'The published totals', response: { 200: SummaryView } } },
      async () => getCatalogueSummary(db),
    );

    app.get(
      '/departments',
      {
        schema: {
          tags,
          summary: 'Departments in the center',
          response: { 200: Type.Object({ items: Type.Array(DepartmentView), total: Type.Integer() }) },
        },
      },
      async () => listDepartments(db),
    );

    app.get(
      '/departments/:id',
      {
        schema: {
          tags,
          summary: 'One department (by id or code)',
          params: IdParam,
          response: { 200: DepartmentView, ...errorResponses(404) },
        },
      },
      async (req) => getDepartment(db, req.params.id),
    );

    app.get(
      '/items',
      {
        schema: {
          tags,
          summary: 'Published items, filtered and paged',
          querystring: ItemQuery,
          response: {
            200: Type.Object({
              items: Type.Array(ItemSummaryView),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            ...errorResponses(400),
          },
        },
      },
      async (req) => {
        const q = req.query;
        const departmentId = q.department ? (await getDepartment(db, q.department)).id : undefined;
        const { items, total } = await listItems(db, {
          departmentId,
          type: q.type,
          handlingClass: q.handlingClass,
          channel: q.channel,
          lifeEvent: q.lifeEvent,
          ...toLimitOffset(q),
        });
        return { items, total, page: q.page, pageSize: q.pageSize };
      },
    );

    app.get(
      '/items/:id',
      {
        schema: {
          tags,
          summary: 'Every published element of an item (by id or code)',
          params: IdParam,
          response: { 200: ItemDetailView, ...errorResponses(404) },
        },
      },
      async (req) => getItem(db, req.actor, req.params.id),
    );

    app.get(
      '/items/:id/versions/:no',
      {
        schema: {
          tags,
          summary: 'A specific version of an item (the one a case was filed under)',
          params: Type.Object({ id: Type.String({ maxLength: 100 }), no: Type.Integer({ minimum: 1 }) }),
          response: { 200: ItemDetailView, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => getItem(db, req.actor, req.params.id, req.params.no),
    );

    app.get(
      '/fees',
      {
        schema: {
          tags,
          summary: 'The published fee catalogue (收费目录)',
          querystring: Type.Object({
            department: Type.Optional(Type.String({ maxLength: 100 })),
            category: Type.Optional(StringEnum(FEE_CATEGORIES)),
          }),
          response: {
            200: Type.Object({ items: Type.Array(FeeView), total: Type.Integer() }),
            ...errorResponses(400, 404),
          },
        },
      },
      async (req) => listFees(db, req.query),
    );

    app.get(
      '/search',
      {
        schema: {
          tags,
          summary: 'Plain-language search ("我想开餐馆")',
          querystring: Type.Object({
            q: Type.String({ minLength: 1, maxLength: 100 }),
            limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
          }),
          response: {
            200: Type.Object({
              query: Type.String(),
              terms: Type.Array(Type.String()),
              items: Type.Array(SearchHitView),
              bundles: Type.Array(
                Type.Object({
                  id: Type.String(),
                  code: Type.String(),
                  name: Type.String(),
                  nameEn: EnglishNameView,
                  committedDays: Type.Integer(),
                  score: Type.Number(),
                }),
              ),
            }),
            ...errorResponses(400),
          },
        },
      },
      async (req) => searchItems(db, req.query.q, req.query.limit),
    );

    app.get(
      '/bundles',
      {
        schema: {
          tags,
          summary: 'Bundles (一件事): several items handled as one matter',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  code: Type.String(),
                  name: Type.String(),
                  nameEn: EnglishNameView,
                  description: Type.String(),
                  committedDays: Type.Integer(),
                  itemCount: Type.Integer(),
                  keywords: Type.Array(Type.String()),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ items: await listBundles(db) }),
    );
    app.get(
      '/bundles/:id',
      {
        schema: {
          tags,
          summary: 'A bundle with its items, departments and the one set of materials',
          params: IdParam,
          response: { 200: BundleView, ...errorResponses(404) },
        },
      },
      async (req) => getBundle(db, req.params.id),
    );

    const storage = new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs'));
    app.get(
      '/items/:id/material-files/:fileId',
      {
        schema: {
          tags,
          summary: "A material's blank form or sample (空白表格、示范文本), as published with the item",
          description:
            'From the current version, or the one named by `version` (drafts: staff who may read them). The SHA-256 of the bytes is in the ' +
            '`x-content-sha256` header and the ETag.',
          params: Type.Object({
            id: Type.String({ maxLength: 100 }),
            fileId: Type.String({ maxLength: 100 }),
          }),
          querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
        },
      },
      async (req, reply) => {
        const f = await getMaterialFile(
          db,
          storage,
          req.actor,
          req.params.id,
          req.params.fileId,
          req.query.version,
        );
        return reply
          .type(f.mime)
          .header('x-content-sha256', f.sha256)
          .header('etag', `"${f.sha256}"`)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .send(f.data);
      },
    );
  };
