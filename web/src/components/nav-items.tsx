import type { MenuProps } from 'antd';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import {
  ADMIN_ROLES,
  BOARD_ROLES,
  COMPLAINT_CENTER_ROLES,
  RATING_WORK_ROLES,
  SUPERVISION_ROLES,
} from '../hooks/use-auth';
import type { Role } from '../api/types';

type Item = Required<MenuProps>['items'][number];

const link = (to: string, label: string): Item => ({ key: to, label: <Link to={to}>{label}</Link> });

/** The navigation a person sees: the public guide for everyone, work areas by role. */
export function navItems(t: TFunction, role: Role | null): Item[] {
  const items: Item[] = [
    link('/', t('nav.home')),
    link('/departments', t('nav.departments')),
    link('/life-events', t('nav.lifeEvents')),
    link('/fees', t('nav.fees')),
    link('/calendar', t('nav.calendar')),
    link('/track', t('nav.track')),
    link('/bundles', t('nav.bundles')),
  ];
  items.push(complaintsMenu(t, role));
  items.push(inspectionsMenu(t, role));
  items.push(hallMenu(t, role));
  items.push(conductMenu(t, role));
  items.push(ratingsMenu(t, role));
  if (role === 'applicant') items.push(link('/my/cases', t('nav.myCases')));
  if (role === 'clerk') items.push(link('/window', t('nav.window')));
  if (role === 'reviewer' || role === 'head') items.push(link('/workbench', t('nav.workbench')));
  if (role && SUPERVISION_ROLES.includes(role)) {
    items.push({
      key: 'supervision',
      label: t('nav.supervision'),
      children: [
        ...(BOARD_ROLES.includes(role) ? [link('/supervision', t('nav.board'))] : []),
        link('/supervision/clocks', t('nav.clocks')),
        link('/supervision/signals', t('nav.signals')),
        link('/supervision/orders', t('nav.orders')),
      ],
    });
  }
  if (role && SUPERVISION_ROLES.includes(role)) {
    items.push({
      key: 'letters',
      label: t('nav.letters'),
      children: [
        link('/letters', t('nav.letterRegistry')),
        ...(role === 'reviewer' || role === 'head'
          ? [link('/letters/department', t('nav.departmentLetters'))]
          : []),
        ...(BOARD_ROLES.includes(role) ? [link('/letters/overdue', t('nav.overdueLetters'))] : []),
      ],
    });
  }
  if (role && ADMIN_ROLES.includes(role)) {
    items.push({
      key: 'admin',
      label: t('nav.admin'),
      children: [
        link('/admin/items', t('nav.adminItems')),
        link('/admin/departments', t('nav.adminDepartments')),
        link('/admin/users', t('nav.adminUsers')),
        link('/admin/fees', t('nav.adminFees')),
        link('/admin/synonyms', t('nav.adminSynonyms')),
        link('/admin/calendar', t('nav.adminCalendar')),
        link('/admin/catalogue', t('nav.adminCatalogue')),
      ],
    });
  }
  return items;
}

/** The reporting center under one entry: reporting, tracking and statistics for all, the staff's lists by role. */
function complaintsMenu(t: TFunction, role: Role | null): Item {
  const children = [
    link('/complaints/report', t('nav.complaintReport')),
    link('/complaints/track', t('nav.complaintTrack')),
    link('/complaints/stats', t('nav.complaintStats')),
  ];
  if (role && COMPLAINT_CENTER_ROLES.includes(role))
    children.push(link('/complaints/workbench', t('nav.complaintWorkbench')));
  if (role === 'clerk' || role === 'reviewer' || role === 'head')
    children.push(link('/complaints/department', t('nav.complaintDepartment')));
  if (role === 'supervisor') children.push(link('/complaints/supervision', t('nav.complaintSupervision')));
  return { key: 'complaints', label: t('nav.complaints'), children };
}

/** Enterprise inspections: statistics for all, the plan for its staff, the enterprise's own history and sign. */
function inspectionsMenu(t: TFunction, role: Role | null): Item {
  const children = [link('/inspections/stats', t('inspections.navStats'))];
  if (role && ['inspector', 'head', 'reviewer', 'supervisor', 'admin'].includes(role))
    children.push(link('/inspections', t('inspections.navPlan')));
  if (role === 'applicant')
    children.push(
      link('/enterprise/inspections', t('inspections.navHistory')),
      link('/enterprise/sign', t('inspections.navSign')),
    );
  return { key: 'inspections', label: t('inspections.nav'), children };
}

/** The hall: booking and the screens for all; the kiosk and the calling panel for window staff. */
function hallMenu(t: TFunction, role: Role | null): Item {
  const children = [link('/hall/book', t('hall.nav.book')), link('/hall/display', t('hall.nav.display'))];
  if (role === 'clerk')
    children.push(link('/hall/kiosk', t('hall.nav.kiosk')), link('/hall/window', t('hall.nav.window')));
  return { key: 'hall', label: t('hall.nav.hall'), children };
}

/** The government's own conduct: the public's lists, and the staff's work by role. */
function conductMenu(t: TFunction, role: Role | null): Item {
  const children = [
    link('/fees/changes', t('nav.conductFeeChanges')),
    link('/self-inspection', t('nav.conductInspectionSummaries')),
  ];
  if (role && SUPERVISION_ROLES.includes(role)) {
    children.push(link('/conduct/commitments', t('nav.conductCommitments')));
    children.push(link('/conduct/self-inspection', t('nav.conductInspection')));
  }
  if (role && ['admin', 'supervisor', 'reviewer', 'head'].includes(role))
    children.push(link('/conduct/fee-review', t('nav.conductFeeReview')));
  if (role && role !== 'applicant') children.push(link('/learning', t('nav.conductLearning')));
  return { key: 'conduct', label: t('nav.conduct'), children };
}

/** Ratings (好差评) and democratic appraisal: the published figures for all, the work pages by role. */
function ratingsMenu(t: TFunction, role: Role | null): Item {
  const children = [
    link('/ratings', t('ratings.nav.satisfaction')),
    link('/appraisals', t('ratings.nav.appraisals')),
  ];
  if (role === 'clerk') children.push(link('/ratings/tablet', t('ratings.nav.tablet')));
  if (role && RATING_WORK_ROLES.includes(role)) children.push(link('/ratings/work', t('ratings.nav.work')));
  return { key: 'ratings', label: t('ratings.nav.ratings'), children };
}

// Most specific first, so /fees/changes is not taken for /fees.
const ALL_KEYS = [
  '/inspections/stats',
  '/enterprise/inspections',
  '/enterprise/sign',
  '/hall/book',
  '/hall/display',
  '/hall/kiosk',
  '/hall/window',
  '/fees/changes',
  '/conduct/commitments',
  '/conduct/self-inspection',
  '/conduct/fee-review',
  '/ratings/tablet',
  '/ratings/work',
  '/complaints/report',
  '/complaints/track',
  '/complaints/stats',
  '/complaints/workbench',
  '/complaints/department',
  '/complaints/supervision',
  '/my/cases',
  '/supervision/clocks',
  '/supervision/signals',
  '/supervision/orders',
  '/letters/department',
  '/letters/overdue',
  '/admin/items',
  '/admin/departments',
  '/admin/users',
  '/admin/fees',
  '/admin/synonyms',
  '/admin/calendar',
  '/admin/catalogue',
  '/inspections',
  '/self-inspection',
  '/learning',
  '/ratings',
  '/appraisals',
  '/window',
  '/workbench',
  '/supervision',
  '/letters',
  '/departments',
  '/life-events',
  '/fees',
  '/calendar',
  '/track',
  '/bundles',
];

/** The menu entry a path belongs to (/items/… belongs to no entry; /departments/SCJ to departments). */
export function selectedKey(pathname: string): string {
  if (pathname === '/') return '/';
  return ALL_KEYS.find((k) => pathname === k || pathname.startsWith(`${k}/`)) ?? '';
}
