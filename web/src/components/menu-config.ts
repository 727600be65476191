import type { Role } from '../api/types';
import {
  ADMIN_ROLES,
  BOARD_ROLES,
  COMPLAINT_CENTER_ROLES,
  HOME_OF_ROLE,
  RATING_WORK_ROLES,
  STAFF_ROLES,
  SUPERVISION_ROLES,
} from '../hooks/use-auth';
import { DISCLOSURE_PUBLISHERS } from '../pages/disclosure/roles';

/**
 * The whole menu as one list. A module adds its pages here: a path, an i18n key, who sees it, and the
 * group it sits in. Public pages (the guide) are top-level for citizens and gather under one 办事指南
 * entry for staff, so a clerk's or supervisor's own work comes first and never falls into "…".
 */
export interface MenuEntry {
  to: string;
  label: string;
  /** Who sees it; omitted: everyone, logged in or not. */
  roles?: readonly Role[];
  /** The submenu it belongs to; omitted: top level. */
  group?: MenuGroup;
  /** A page of the public guide: top level for citizens, in the 办事指南 group for staff. */
  guide?: boolean;
}

/** Submenus, in the order they appear; a module with several pages adds a group here. */
export const MENU_GROUPS = {
  complaints: 'nav.complaints',
  hall: 'hall.nav.hall',
  ratings: 'ratings.nav.ratings',
  inspections: 'inspections.nav',
  conduct: 'nav.conduct',
  supervision: 'nav.supervision',
  letters: 'nav.letters',
  admin: 'nav.admin',
  guide: 'nav.guide',
  openness: 'dashboard.nav.group',
} as const;
export type MenuGroup = keyof typeof MENU_GROUPS;

/**
 * The modules a member of staff reaches now and then: for staff they sit together under one 更多业务
 * entry, so the top level stays short, except the one holding the person's own home page (the
 * reporting center's officer keeps 举报中心 at the top, the inspector 涉企检查).
 */
export const STAFF_NESTED_GROUPS: readonly MenuGroup[] = [
  'complaints',
  'hall',
  'ratings',
  'inspections',
  'conduct',
  'openness',
];

const DEPARTMENT_STAFF: readonly Role[] = ['reviewer', 'head'];

export const MENU: MenuEntry[] = [
  { to: '/', label: 'nav.home', guide: true },
  { to: '/departments', label: 'nav.departments', guide: true },
  { to: '/life-events', label: 'nav.lifeEvents', guide: true },
  { to: '/bundles', label: 'nav.bundles', guide: true },
  { to: '/fees', label: 'nav.fees', guide: true },
  { to: '/calendar', label: 'nav.calendar', guide: true },
  { to: '/track', label: 'nav.track', guide: true },

  { to: '/my/cases', label: 'nav.myCases', roles: ['applicant'] },
  { to: '/window', label: 'nav.window', roles: ['clerk'] },
  { to: '/workbench', label: 'nav.workbench', roles: DEPARTMENT_STAFF },

  { to: '/complaints/report', label: 'nav.complaintReport', group: 'complaints' },
  { to: '/complaints/track', label: 'nav.complaintTrack', group: 'complaints' },
  { to: '/complaints/stats', label: 'nav.complaintStats', group: 'complaints' },
  {
    to: '/complaints/workbench',
    label: 'nav.complaintWorkbench',
    group: 'complaints',
    roles: COMPLAINT_CENTER_ROLES,
  },
  {
    to: '/complaints/department',
    label: 'nav.complaintDepartment',
    group: 'complaints',
    roles: ['clerk', 'reviewer', 'head'],
  },
  {
    to: '/complaints/supervision',
    label: 'nav.complaintSupervision',
    group: 'complaints',
    roles: ['supervisor'],
  },

  { to: '/hall/book', label: 'hall.nav.book', group: 'hall' },
  { to: '/hall/display', label: 'hall.nav.display', group: 'hall' },
  { to: '/hall/desk', label: 'hall.nav.desk', group: 'hall', roles: ['clerk'] },
  { to: '/hall/window', label: 'hall.nav.window', group: 'hall', roles: ['clerk'] },

  { to: '/ratings', label: 'ratings.nav.satisfaction', group: 'ratings' },
  { to: '/appraisals', label: 'ratings.nav.appraisals', group: 'ratings' },
  { to: '/ratings/work', label: 'ratings.nav.work', group: 'ratings', roles: RATING_WORK_ROLES },

  { to: '/inspections/stats', label: 'inspections.navStats', group: 'inspections' },
  {
    to: '/inspections',
    label: 'inspections.navPlan',
    group: 'inspections',
    roles: ['inspector', 'head', 'reviewer', 'supervisor', 'admin'],
  },
  {
    to: '/enterprise/inspections',
    label: 'inspections.navHistory',
    group: 'inspections',
    roles: ['applicant'],
  },
  { to: '/enterprise/sign', label: 'inspections.navSign', group: 'inspections', roles: ['applicant'] },
  { to: '/inspections/scan', label: 'inspections.navScan', group: 'inspections', roles: ['inspector'] },
  {
    to: '/inspections/publish',
    label: 'inspections.navPublish',
    group: 'inspections',
    roles: ['head', 'admin'],
  },
  {
    to: '/inspections/overview',
    label: 'inspections.navOverview',
    group: 'inspections',
    roles: ['supervisor', 'admin'],
  },
  {
    to: '/inspections/settings',
    label: 'inspections.navSettings',
    group: 'inspections',
    roles: ['supervisor', 'admin'],
  },

  { to: '/fees/changes', label: 'nav.conductFeeChanges', group: 'conduct' },
  { to: '/self-inspection', label: 'nav.conductInspectionSummaries', group: 'conduct' },
  {
    to: '/conduct/commitments',
    label: 'nav.conductCommitments',
    group: 'conduct',
    roles: SUPERVISION_ROLES,
  },
  {
    to: '/conduct/self-inspection',
    label: 'nav.conductInspection',
    group: 'conduct',
    roles: SUPERVISION_ROLES,
  },
  {
    to: '/conduct/fee-review',
    label: 'nav.conductFeeReview',
    group: 'conduct',
    roles: ['admin', 'supervisor', 'reviewer', 'head'],
  },
  {
    to: '/learning',
    label: 'nav.conductLearning',
    group: 'conduct',
    roles: STAFF_ROLES,
  },

  { to: '/supervision', label: 'nav.board', group: 'supervision', roles: BOARD_ROLES },
  { to: '/supervision/clocks', label: 'nav.clocks', group: 'supervision', roles: SUPERVISION_ROLES },
  { to: '/supervision/signals', label: 'nav.signals', group: 'supervision', roles: SUPERVISION_ROLES },
  { to: '/supervision/orders', label: 'nav.orders', group: 'supervision', roles: SUPERVISION_ROLES },
  {
    to: '/assessment',
    label: 'assessment.nav',
    group: 'supervision',
    roles: ['supervisor', 'admin', 'head'],
  },

  { to: '/letters', label: 'nav.letterRegistry', group: 'letters', roles: SUPERVISION_ROLES },
  { to: '/letters/department', label: 'nav.departmentLetters', group: 'letters', roles: DEPARTMENT_STAFF },
  { to: '/letters/overdue', label: 'nav.overdueLetters', group: 'letters', roles: BOARD_ROLES },

  { to: '/admin/items', label: 'nav.adminItems', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/departments', label: 'nav.adminDepartments', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/bundles', label: 'adminBundles.nav', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/users', label: 'nav.adminUsers', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/fees', label: 'nav.adminFees', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/synonyms', label: 'nav.adminSynonyms', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/calendar', label: 'nav.adminCalendar', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/catalogue', label: 'nav.adminCatalogue', group: 'admin', roles: ADMIN_ROLES },
  { to: '/admin/hall', label: 'hall.nav.admin', group: 'admin', roles: ['admin'] },

  { to: '/dashboard', label: 'dashboard.nav.dashboard', group: 'openness' },
  { to: '/open-data', label: 'dashboard.nav.openData', group: 'openness' },
  { to: '/disclosure', label: 'disclosure.nav.library', group: 'openness' },
  { to: '/disclosure/villages', label: 'disclosure.nav.villages', group: 'openness' },
  { to: '/disclosure/manage', label: 'disclosure.nav.manage', group: 'openness', roles: ADMIN_ROLES },
  {
    to: '/disclosure/publish',
    label: 'disclosure.nav.publish',
    group: 'openness',
    roles: DISCLOSURE_PUBLISHERS,
  },
];

/** Staff see the guide gathered in one group; citizens (and visitors) see it at the top level. */
export const isStaff = (role: Role | null): boolean => role !== null && role !== 'applicant';

export interface MenuNode {
  key: string;
  label: string;
  to?: string;
  children?: MenuNode[];
}

/**
 * The menu a person sees, in order: for staff, their own pages (top-level work, then the groups) and
 * the guide last; for citizens, 首页, their own pages, the guide, then the groups.
 */
export function menuFor(
  role: Role | null,
  t: (k: string) => string,
  entries: MenuEntry[] = MENU,
): MenuNode[] {
  const visible = entries.filter((e) => !e.roles || (role !== null && e.roles.includes(role)));
  const staff = isStaff(role);
  const groupOf = (e: MenuEntry): MenuGroup | undefined =>
    e.group ?? (e.guide && staff ? 'guide' : undefined);
  const leaf = (e: MenuEntry): MenuNode => ({ key: e.to, label: t(e.label), to: e.to });
  const top = visible.filter((e) => !groupOf(e));
  // A citizen's own page right after 首页: if a narrow window moves entries into "…", it is the guide's.
  const ordered = staff
    ? top
    : [
        ...top.filter((e) => e.to === '/'),
        ...top.filter((e) => !e.guide),
        ...top.filter((e) => e.guide && e.to !== '/'),
      ];
  const home = role ? HOME_OF_ROLE[role] : undefined;
  const groups = (Object.keys(MENU_GROUPS) as MenuGroup[])
    .map((g) => ({ g, children: visible.filter((e) => groupOf(e) === g) }))
    .filter((x) => x.children.length > 0)
    .map(({ g, children }) => ({
      g,
      nested: staff && STAFF_NESTED_GROUPS.includes(g) && !children.some((e) => e.to === home),
      node: { key: `group:${g}`, label: t(MENU_GROUPS[g]), children: children.map(leaf) } as MenuNode,
    }));
  const own = groups.filter((x) => !x.nested && x.g !== 'guide').map((x) => x.node);
  const nested = groups.filter((x) => x.nested).map((x) => x.node);
  const guide = groups.filter((x) => x.g === 'guide').map((x) => x.node);
  const more = nested.length ? [{ key: 'group:more', label: t('nav.more'), children: nested }] : [];
  return [...ordered.map(leaf), ...own, ...more, ...guide];
}

/** The menu entry a path belongs to (/items/… belongs to none; /departments/SCJ to departments). */
export function selectedKey(pathname: string, entries: MenuEntry[] = MENU): string {
  if (pathname === '/') return '/';
  const keys = entries.map((e) => e.to).filter((k) => k !== '/');
  keys.sort((a, b) => b.length - a.length);
  return keys.find((k) => pathname === k || pathname.startsWith(`${k}/`)) ?? '';
}
