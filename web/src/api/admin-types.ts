// What the administration pages send and read, taken from the server's OpenAPI document (contract.ts).
import type { Body, Ok } from './contract';

/** What POST /admin/items and PUT /admin/items/{id}/draft take (one item version). */
export type ItemInput = Body<'/api/v1/admin/items'>;
export type ItemVersions = Ok<'/api/v1/admin/items/{id}/versions'>;
export type DepartmentInput = Body<'/api/v1/admin/departments'>;
export type FeeInput = Body<'/api/v1/admin/fees'>;
/** What POST /admin/bundles takes (PUT /admin/bundles/{id} the same with the version read). */
export type BundleInput = Body<'/api/v1/admin/bundles'>;
export type AdminBundle = Ok<'/api/v1/admin/bundles'>['items'][number];
export type Synonym = Ok<'/api/v1/admin/synonyms'>['synonyms'][number];
export type CalendarProposal = Ok<'/api/v1/admin/calendar/proposals'>['items'][number];
export type ProposalInput = Body<'/api/v1/admin/calendar/proposals'>;
export type ImportReport = Ok<'/api/v1/admin/catalogue/import', 'post'>;
export type UserInput = Body<'/api/v1/admin/users'>;
export type UserPatch = Body<'/api/v1/admin/users/{id}', 'patch'>;
export type AdminItemPage = Ok<'/api/v1/admin/items'>;
export type AdminItemRow = AdminItemPage['items'][number];
export type AdminItemStatus = 'draft' | 'published' | 'withdrawn' | 'has_draft';
