import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam, NOT_BLANK, Nullable } from '../../shared/schema-helpers.js';
import { CatalogueFile, DepartmentInput, FeeInput, ItemInput, SynonymEntry } from './schemas.js';
import { DepartmentView, FeeView } from './views.js';
import { getDepartment } from './get-department.js';
import { getFee } from './get-fee.js';
import { listAllFees } from './list-all-fees.js';
import { listSynonyms } from './list-synonyms.js';
import { createDepartment, updateDepartment } from './save-department.js';
import { createFee, updateFee } from './save-fee.js';
import { withdrawFee } from './withdraw-fee.js';
import { BundleInput } from './bundles.js';
import { createBundle, updateBundle } from './save-bundle.js';
import { withdrawBundle } from './withdraw-bundle.js';
import { getAdminBundle, listAllBundles } from './list-all-bundles.js';
import { createItem } from './create-item.js';
import { updateItemDraft } from './update-item-draft.js';
import { publishItem } from './publish-item.js';
import { withdrawItem } from './withdraw-item.js';
import { listItemVersions } from './list-item-versions.js';
import { replaceSynonyms } from './replace-synonyms.js';
import { importCatalogue } from './import-catalogue.js';
import { exportCatalogue } from './export-catalogue.js';
import { listAllItems } from './list-all-items.js';
import path from 'node:path';
import { FileSystemStorage } from '../documents/storage.js';
import { readSingleUpload } from '../../server/read-upload.js';
import { uploadMaterialFile } from './upload-material-file.js';
import multipart from '@fastify/multipart';
import { MAX_FILE_BYTES } from '../cases/file-check.js';
import { StringEnum, toLimitOffset } from '../../shared/schema-helpers.js';

const VersionBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'optimistic concurrency: the version you read' }),
});
const ItemState = Type.Object({ itemId: Type.String(), versionNo: Type.Integer() });
const VersionsView = Type.Object({
  item: Type.Object({
    id: Type.String(),
    code: Type.String(),
    status: Type.String(),
    version: Type.Integer(),
    currentVersionId: Nullable(Type.String()),
    latestVersionNo: Type.Integer(),
  }),
  versions: Type.Array(
    Type.Object({
      id: Type.String(),
      no: Type.Integer(),
      status: Type.String(),
      name: Type.String(),
      createdAt: Type.String(),
      createdBy: Nullable(Type.String()),
      publishedAt: Nullable(Type.String()),
      publishedBy: Nullable(Type.String()),
    }),
  ),
});
const SynonymList = Type.Object({ synonyms: Type.Array(SynonymEntry, { maxItems: 5000 }) });
const AdminBundleView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String({ description: 'the English name; null when none is given' })),
  description: Type.String(),
  leadDepartment: Type.Object(
    { id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) },
    { description: 'the lead department (牵头部门)' },
  ),
  itemCodes: Type.Array(Type.String(), { description: 'the items handled together, in order' }),
  committedDays: Type.Integer({ description: 'the one committed limit in working days' }),
  keywords: Type.Array(Type.String()),
  status: StringEnum(['published', 'withdrawn'] as const, {
    description: 'published: in the guide, its list and the search; withdrawn: in none of them',
  }),
  version: Type.Integer({ description: 'optimistic concurrency: send it back with a change or withdrawal' }),
  updatedAt: Type.String(),
});
const ImportReportView = Type.Object({
  departments: Type.Object({ created: Type.Integer(), updated: Type.Integer() }),
  fees: Type.Object({ created: Type.Integer(), updated: Type.Integer() }),
  items: Type.Object({ created: Type.Integer(), newVersions: Type.Integer(), unchanged: Type.Integer() }),
  synonyms: Type.Integer(),
});

/** Administration of the guide: drafts, publishing, the fee catalogue, synonyms, import and export. */
export const catalogueAdminRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock } = ctx;
    const tags = ['catalogue-admin'];
    const err = errorResponses(400, 401, 403, 404, 409);

    app.post(
      '/admin/departments',
      {
        schema: {
          tags,
          summary: 'Create a department',
          body: DepartmentInput,
          response: { 201: DepartmentView, ...err },
        },
      },
      async (req, reply) => {
        const id = await createDepartment(db, clock, req.actor, req.body);
        return reply.status(201).send(await getDepartment(db, id));
      },
    );
    app.put(
      '/admin/departments/:id',
      {
        schema: {
          tags,
          summary: 'Change a department',
          params: IdParam,
          body: Type.Composite([DepartmentInput, VersionBody], { additionalProperties: false }),
          response: { 200: DepartmentView, ...err },
        },
      },
      async (req) => {
        const { version, ...d } = req.body;
        const id = await updateDepartment(db, clock, req.actor, req.params.id, version, d);
        return await getDepartment(db, id);
      },
    );

    app.get(
      '/admin/bundles',
      {
        schema: {
          tags,
          summary: 'All bundles (一件事), withdrawn ones too',
          response: {
            200: Type.Object({ items: Type.Array(AdminBundleView), total: Type.Integer() }),
            ...err,
          },
        },
      },
      async (req) => listAllBundles(db, req.actor),
    );
    app.post(
      '/admin/bundles',
      {
        schema: {
          tags,
          summary: 'Publish a new bundle (一件事)',
          description:
            'Each item must be published; the lead department must handle at least one of them. ' +
            'A code already used (by a withdrawn bundle too) is a 409.',
          body: BundleInput,
          response: { 201: AdminBundleView, ...err },
        },
      },
      async (req, reply) => {
        const id = await createBundle(db, clock, req.actor, req.body);
        return reply.status(201).send(await getAdminBundle(db, id));
      },
    );
    app.put(
      '/admin/bundles/:id',
      {
        schema: {
          tags,
          summary: 'Change a published bundle (by id or code; the code itself cannot change)',
          description:
            'Cases already filed under the bundle keep the title, lead and limit they were filed with.',
          params: IdParam,
          body: Type.Composite([BundleInput, VersionBody], { additionalProperties: false }),
          response: { 200: AdminBundleView, ...err },
        },
      },
      async (req) => {
        const { version, ...b } = req.body;
        const id = await updateBundle(db, clock, req.actor, req.params.id, version, b);
        return await getAdminBundle(db, id);
      },
    );
    app.post(
      '/admin/bundles/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw a bundle from the guide, its list and the search',
          description: 'Cases already filed under it go on and still show; no new application can name it.',
          params: IdParam,
          body: Type.Object({
            version: Type.Integer({
              minimum: 1,
              description: 'optimistic concurrency: the version you read',
            }),
            reason: Type.String({
              minLength: 2,
              maxLength: 500,
              pattern: NOT_BLANK,
              description: 'why it is withdrawn (kept in the audit trail)',
            }),
          }),
          response: { 200: AdminBundleView, ...err },
        },
      },
      async (req) => {
        const id = await withdrawBundle(
          db,
          clock,
          req.actor,
          req.params.id,
          req.body.version,
          req.body.reason,
        );
        return await getAdminBundle(db, id);
      },
    );

    app.get(
      '/admin/fees',
      {
        schema: {
          tags,
          summary: 'All fee entries, withdrawn ones too',
          response: { 200: Type.Object({ items: Type.Array(FeeView), total: Type.Integer() }), ...err },
        },
      },
      async (req) => listAllFees(db, req.actor),
    );
    app.post(
      '/admin/fees',
      {
        schema: {
          tags,
          summary: 'Publish a new fee entry',
          body: FeeInput,
          response: { 201: FeeView, ...err },
        },
      },
      async (req, reply) => {
        const id = await createFee(db, clock, req.actor, req.body);
        return reply.status(201).send(await getFee(db, id));
      },
    );
    app.put(
      '/admin/fees/:id',
      {
        schema: {
          tags,
          summary: 'Change a fee entry',
          params: IdParam,
          body: Type.Composite([FeeInput, VersionBody], { additionalProperties: false }),
          response: { 200: FeeView, ...err },
        },
      },
      async (req) => {
        const { version, ...f } = req.body;
        const id = await updateFee(db, clock, req.actor, req.params.id, version, f);
        return await getFee(db, id);
      },
    );
    app.post(
      '/admin/fees/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw a fee entry',
          params: IdParam,
          body: VersionBody,
          response: { 204: Type.Null(), ...err },
        },
      },
      async (req, reply) => {
        await withdrawFee(db, clock, req.actor, req.params.id, req.body.version);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/admin/items',
      {
        schema: {
          tags,
          summary: 'Every item in any state (draft, published, withdrawn) with its latest version',
          querystring: Type.Object({
            status: Type.Optional(
              StringEnum(['draft', 'published', 'withdrawn', 'has_draft'] as const, {
                description: "the item's state; has_draft: its latest version is an unpublished draft",
              }),
            ),
            departmentId: Type.Optional(Type.String({ maxLength: 100 })),
            q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the name or code' })),
            page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  code: Type.String(),
                  name: Type.String(),
                  type: Type.String(),
                  status: Type.String(),
                  latestVersionNo: Type.Integer(),
                  latestVersionStatus: Type.String(),
                  departmentId: Type.String(),
                  updatedAt: Type.String(),
                  version: Type.Integer(),
                }),
              ),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            ...err,
          },
        },
      },
      async (req) => ({
        ...(await listAllItems(db, req.actor, { ...req.query, ...toLimitOffset(req.query) })),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );

    app.post(
      '/admin/items',
      {
        schema: {
          tags,
          summary: 'Create an item as draft version 1',
          body: ItemInput,
          response: { 201: ItemState, ...err },
        },
      },
      async (req, reply) => {
        const itemId = await createItem(db, clock, req.actor, req.body);
        return reply.status(201).send({ itemId, versionNo: 1 });
      },
    );
    app.put(
      '/admin/items/:id/draft',
      {
        schema: {
          tags,
          summary: 'Edit an item: changes the open draft or opens a new version',
          params: IdParam,
          body: Type.Object({ version: Type.Integer({ minimum: 1 }), item: ItemInput }),
          response: { 200: ItemState, ...err },
        },
      },
      async (req) => updateItemDraft(db, clock, req.actor, req.params.id, req.body.version, req.body.item),
    );
    app.post(
      '/admin/items/:id/publish',
      {
        schema: {
          tags,
          summary: "Publish the latest draft, with the publisher's comment (kept in the audit trail)",
          params: IdParam,
          body: Type.Object({
            version: Type.Integer({
              minimum: 1,
              description: 'optimistic concurrency: the version you read',
            }),
            comment: Type.String({
              minLength: 2,
              maxLength: 500,
              pattern: NOT_BLANK,
              description: 'why this version is published (what changed and on what basis)',
            }),
          }),
          response: { 200: ItemState, ...err },
        },
      },
      async (req) => publishItem(db, clock, req.actor, req.params.id, req.body.version, req.body.comment),
    );
    app.post(
      '/admin/items/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw an item from the public guide',
          params: IdParam,
          body: Type.Object({
            version: Type.Integer({ minimum: 1 }),
            reason: Type.String({ minLength: 2, maxLength: 500 }),
          }),
          response: { 204: Type.Null(), ...err },
        },
      },
      async (req, reply) => {
        await withdrawItem(db, clock, req.actor, req.params.id, req.body.version, req.body.reason);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/admin/items/:id/versions',
      {
        schema: {
          tags,
          summary: 'Version history of an item',
          params: IdParam,
          response: { 200: VersionsView, ...err },
        },
      },
      async (req) => listItemVersions(db, req.actor, req.params.id),
    );

    app.get(
      '/admin/synonyms',
      { schema: { tags, summary: 'The search synonym list', response: { 200: SynonymList, ...err } } },
      async (req) => listSynonyms(db, req.actor),
    );
    app.put(
      '/admin/synonyms',
      {
        schema: {
          tags,
          summary: 'Replace the search synonym list',
          body: SynonymList,
          response: { 204: Type.Null(), ...err },
        },
      },
      async (req, reply) => {
        await replaceSynonyms(db, clock, req.actor, req.body.synonyms);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/admin/catalogue/import',
      {
        bodyLimit: 50 * 1024 * 1024,
        // The body is validated by the use case so that every error comes back with its path at once.
        schema: {
          tags,
          summary: 'Import a whole catalogue file (all or nothing)',
          body: Type.Unknown({ description: 'see docs/catalogue-format.md' }),
          response: { 200: ImportReportView, ...errorResponses(400, 401, 403, 422) },
        },
      },
      async (req) => importCatalogue(db, clock, req.actor, req.body),
    );
    app.get(
      '/admin/catalogue/export',
      {
        schema: {
          tags,
          summary: 'Export the published catalogue as one file',
          response: { 200: CatalogueFile, ...errorResponses(401, 403) },
        },
      },
      async (req, reply) => {
        const file = await exportCatalogue(db, req.actor);
        return reply.header('content-disposition', 'attachment; filename="catalogue.json"').send(file);
      },
    );

    const storage = new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs'));
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });
    app.post(
      '/admin/material-files',
      {
        schema: {
          tags,
          summary: "Upload a material's blank form or sample (PDF, JPEG or PNG, checked by content)",
          description:
            "Name the returned id as a material's blankFormFileId or sampleFileId in an item draft.",
          consumes: ['multipart/form-data'],
          response: {
            201: Type.Object({
              id: Type.String(),
              name: Type.String(),
              mime: Type.String(),
              size: Type.Integer(),
              sha256: Type.String(),
            }),
            ...errorResponses(400, 401, 403, 413, 415),
          },
        },
      },
      async (req, reply) => {
        const file = await readSingleUpload(req);
        return reply.status(201).send(await uploadMaterialFile(db, clock, storage, req.actor, file));
      },
    );
  };
