import { http } from './http';
import type {
  AdminBundle,
  AdminItemPage,
  AdminItemStatus,
  BundleInput,
  CalendarProposal,
  DepartmentInput,
  FeeInput,
  ImportReport,
  ItemInput,
  ItemVersions,
  ProposalInput,
  Synonym,
  UserInput,
  UserPatch,
} from './admin-types';
import type { Department, Fee, Page, User } from './types';

const id = (s: string) => encodeURIComponent(s);

export const adminApi = {
  createDepartment: (d: DepartmentInput) => http.post<Department>('/admin/departments', d),
  updateDepartment: (deptId: string, d: DepartmentInput & { version: number }) =>
    http.put<Department>(`/admin/departments/${id(deptId)}`, d),

  bundles: (signal?: AbortSignal) =>
    http.get<{ items: AdminBundle[]; total: number }>('/admin/bundles', undefined, signal),
  createBundle: (b: BundleInput) => http.post<AdminBundle>('/admin/bundles', b),
  updateBundle: (bundleId: string, b: BundleInput & { version: number }) =>
    http.put<AdminBundle>(`/admin/bundles/${id(bundleId)}`, b),
  withdrawBundle: (bundleId: string, version: number, reason: string) =>
    http.post<AdminBundle>(`/admin/bundles/${id(bundleId)}/withdraw`, { version, reason }),

  users: (
    q: { role?: string; q?: string; departmentId?: string; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => http.get<Page<User>>('/admin/users', q, signal),
  createUser: (u: UserInput) => http.post<User>('/admin/users', u),
  updateUser: (userId: string, p: UserPatch) => http.patch<User>(`/admin/users/${id(userId)}`, p),

  items: (
    q: { q?: string; status?: AdminItemStatus; departmentId?: string; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => http.get<AdminItemPage>('/admin/items', q, signal),
  createItem: (item: ItemInput) => http.post<{ itemId: string; versionNo: number }>('/admin/items', item),
  saveDraft: (itemId: string, version: number, item: ItemInput) =>
    http.put<{ itemId: string; versionNo: number }>(`/admin/items/${id(itemId)}/draft`, { version, item }),
  publish: (itemId: string, version: number, comment: string) =>
    http.post<{ itemId: string; versionNo: number }>(`/admin/items/${id(itemId)}/publish`, {
      version,
      comment,
    }),
  withdraw: (itemId: string, version: number, reason: string) =>
    http.post<void>(`/admin/items/${id(itemId)}/withdraw`, { version, reason }),
  versions: (itemId: string, signal?: AbortSignal) =>
    http.get<ItemVersions>(`/admin/items/${id(itemId)}/versions`, undefined, signal),

  fees: (signal?: AbortSignal) => http.get<{ items: Fee[]; total: number }>('/admin/fees', undefined, signal),
  createFee: (f: FeeInput) => http.post<Fee>('/admin/fees', f),
  updateFee: (feeId: string, f: FeeInput & { version: number }) =>
    http.put<Fee>(`/admin/fees/${id(feeId)}`, f),
  withdrawFee: (feeId: string, version: number) =>
    http.post<void>(`/admin/fees/${id(feeId)}/withdraw`, { version }),

  synonyms: (signal?: AbortSignal) => http.get<{ synonyms: Synonym[] }>('/admin/synonyms', undefined, signal),
  saveSynonyms: (synonyms: Synonym[]) => http.put<void>('/admin/synonyms', { synonyms }),

  proposals: (status: string | undefined, signal?: AbortSignal) =>
    http.get<{ items: CalendarProposal[] }>('/admin/calendar/proposals', { status }, signal),
  propose: (p: ProposalInput) => http.post<CalendarProposal>('/admin/calendar/proposals', p),
  confirmProposal: (pid: string, note?: string) =>
    http.post<{ year: number; change: string; reprojected: number }>(
      `/admin/calendar/proposals/${id(pid)}/confirm`,
      note ? { note } : {},
    ),
  rejectProposal: (pid: string, note: string) =>
    http.post<void>(`/admin/calendar/proposals/${id(pid)}/reject`, { note }),

  importCatalogue: (doc: unknown) => http.post<ImportReport>('/admin/catalogue/import', doc),
  exportCatalogue: () => http.get<unknown>('/admin/catalogue/export'),
};
