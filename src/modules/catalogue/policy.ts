import { isRole, type Rule } from '../../shared/policy.js';

/** Who may change the published guide. Publishing is the center's act, so only administrators do it. */
export const cataloguePolicy = {
  writeDepartment: ((a) => isRole(a, 'admin')) as Rule,
  writeFee: ((a) => isRole(a, 'admin')) as Rule,
  writeSynonyms: ((a) => isRole(a, 'admin')) as Rule,
  /** Bundles (一件事): creating, changing, withdrawing, and the list of all of them, withdrawn too. */
  writeBundle: ((a) => isRole(a, 'admin')) as Rule,
  /** A department head drafts the items of their own department; administrators any. */
  draftItem: ((a, departmentId: string) =>
    isRole(a, 'admin') || (isRole(a, 'head') && a.departmentId === departmentId)) as Rule<string>,
  publishItem: ((a) => isRole(a, 'admin')) as Rule,
  withdrawItem: ((a) => isRole(a, 'admin')) as Rule,
  /** Drafts and version history: administrators, supervisors, and staff of the item's department. */
  readDrafts: ((a, departmentId: string) =>
    isRole(a, 'admin', 'supervisor') ||
    (isRole(a, 'clerk', 'reviewer', 'head') && a.departmentId === departmentId)) as Rule<string>,
  /** Every item whatever its state: administrators and supervisors all, department staff their own. */
  listAllItems: ((a) => isRole(a, 'admin', 'supervisor', 'clerk', 'reviewer', 'head')) as Rule,
  importCatalogue: ((a) => isRole(a, 'admin')) as Rule,
  exportCatalogue: ((a) => isRole(a, 'admin', 'supervisor')) as Rule,
} as const;
