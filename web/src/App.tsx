import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Skeleton } from 'antd';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import {
  ADMIN_ROLES,
  APPLY_ROLES,
  BOARD_ROLES,
  CASE_ROLES,
  COMPLAINT_CENTER_ROLES,
  COMPLAINT_TICKET_ROLES,
  REVIEW_ROLES,
  SUPERVISION_ROLES,
  RATING_WORK_ROLES,
  ALL_SIGNED_IN,
  STAFF_ROLES,
} from './hooks/use-auth';
import { HomePage } from './pages/public/HomePage';
import { DISCLOSURE_PUBLISHERS } from './pages/disclosure/roles';

// Pages load on first visit: the public guide stays light, admin and supervision (echarts) come later.
const SearchPage = lazy(() => import('./pages/public/SearchPage'));
const DepartmentsPage = lazy(() => import('./pages/public/DepartmentsPage'));
const DepartmentItemsPage = lazy(() => import('./pages/public/DepartmentItemsPage'));
const LifeEventsPage = lazy(() => import('./pages/public/LifeEventsPage'));
const LifeEventItemsPage = lazy(() => import('./pages/public/LifeEventItemsPage'));
const ItemGuidePage = lazy(() => import('./pages/public/ItemGuidePage'));
const FeesPage = lazy(() => import('./pages/public/FeesPage'));
const CalendarPage = lazy(() => import('./pages/public/CalendarPage'));
const TrackPage = lazy(() => import('./pages/public/TrackPage'));
const BundlesPage = lazy(() => import('./pages/public/BundlesPage'));
const BundleDetailPage = lazy(() => import('./pages/public/BundleDetailPage'));
const LoginPage = lazy(() => import('./pages/public/LoginPage'));
const RegisterPage = lazy(() => import('./pages/public/RegisterPage'));

const ApplyPage = lazy(() => import('./pages/cases/ApplyPage'));
const MyCasesPage = lazy(() => import('./pages/cases/MyCasesPage'));
const CaseDetailPage = lazy(() => import('./pages/cases/CaseDetailPage'));
const WindowPage = lazy(() => import('./pages/cases/WindowPage'));
const WorkbenchPage = lazy(() => import('./pages/cases/WorkbenchPage'));
const NotFoundPage = lazy(() => import('./pages/public/NotFoundPage'));
const InboxPage = lazy(() => import('./pages/public/InboxPage'));

const AdminItemsPage = lazy(() => import('./pages/admin/AdminItemsPage'));
const ItemEditorPage = lazy(() => import('./pages/admin/ItemEditorPage'));
const AdminDepartmentsPage = lazy(() => import('./pages/admin/AdminDepartmentsPage'));
const AdminBundlesPage = lazy(() => import('./pages/admin/AdminBundlesPage'));
const AdminUsersPage = lazy(() => import('./pages/admin/AdminUsersPage'));
const AdminFeesPage = lazy(() => import('./pages/admin/AdminFeesPage'));
const SynonymsPage = lazy(() => import('./pages/admin/SynonymsPage'));
const AdminCalendarPage = lazy(() => import('./pages/admin/AdminCalendarPage'));
const CatalogueFilePage = lazy(() => import('./pages/admin/CatalogueFilePage'));

const BoardPage = lazy(() => import('./pages/supervision/BoardPage'));
const ClocksPage = lazy(() => import('./pages/supervision/ClocksPage'));
const ClockDetailPage = lazy(() => import('./pages/supervision/ClockDetailPage'));
const SignalsPage = lazy(() => import('./pages/supervision/SignalsPage'));
const OrdersPage = lazy(() => import('./pages/supervision/OrdersPage'));

const LettersPage = lazy(() => import('./pages/letters/LettersPage'));
const LetterDetailPage = lazy(() => import('./pages/letters/LetterDetailPage'));
const DepartmentLettersPage = lazy(() => import('./pages/letters/DepartmentLettersPage'));
const InspectionsPage = lazy(() => import('./pages/inspections/InspectionsPage'));
const VerifyPage = lazy(() => import('./pages/inspections/VerifyPage'));
const SignPage = lazy(() => import('./pages/inspections/SignPage'));
const InspectionStatsPage = lazy(() => import('./pages/inspections/InspectionStatsPage'));

const ReportPage = lazy(() => import('./pages/complaints/ReportPage'));
const TrackComplaintPage = lazy(() => import('./pages/complaints/TrackComplaintPage'));
const ComplaintStatsPage = lazy(() => import('./pages/complaints/ComplaintStatsPage'));
const ComplaintWorkbenchPage = lazy(() => import('./pages/complaints/ComplaintWorkbenchPage'));
const ComplaintDetailPage = lazy(() => import('./pages/complaints/ComplaintDetailPage'));
const DepartmentComplaintsPage = lazy(() => import('./pages/complaints/DepartmentComplaintsPage'));
const SupervisorComplaintsPage = lazy(() => import('./pages/complaints/SupervisorComplaintsPage'));
const CommitmentsPage = lazy(() => import('./pages/conduct/CommitmentsPage'));
const SelfInspectionPage = lazy(() => import('./pages/conduct/SelfInspectionPage'));
const CampaignPage = lazy(() => import('./pages/conduct/CampaignPage'));
const InspectionSummariesPage = lazy(() => import('./pages/conduct/InspectionSummariesPage'));
const FeeReviewPage = lazy(() => import('./pages/conduct/FeeReviewPage'));
const FeeChangesPage = lazy(() => import('./pages/conduct/FeeChangesPage'));
const LearningPage = lazy(() => import('./pages/conduct/LearningPage'));
const MaterialPage = lazy(() => import('./pages/conduct/MaterialPage'));
const RateOnlinePage = lazy(() => import('./pages/ratings/RateOnlinePage'));
const TabletRatingPage = lazy(() => import('./pages/ratings/TabletRatingPage'));
const SatisfactionPage = lazy(() => import('./pages/ratings/SatisfactionPage'));
const RatingWorkPage = lazy(() => import('./pages/ratings/RatingWorkPage'));
const AppraisalsPage = lazy(() => import('./pages/appraisal/AppraisalsPage'));
const BallotPage = lazy(() => import('./pages/appraisal/BallotPage'));
const HallBookPage = lazy(() => import('./pages/hall/BookPage'));
const HallAppointmentPage = lazy(() => import('./pages/hall/AppointmentPage'));
const HallTicketPage = lazy(() => import('./pages/hall/TicketStatusPage'));
const HallDisplayPage = lazy(() => import('./pages/hall/DisplayPage'));
const HallKioskPage = lazy(() => import('./pages/hall/KioskPage'));
const HallWindowPage = lazy(() => import('./pages/hall/WindowPanelPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const OpenDataPage = lazy(() => import('./pages/dashboard/OpenDataPage'));
const DisclosureLibraryPage = lazy(() => import('./pages/disclosure/LibraryPage'));
const DisclosureDocumentPage = lazy(() => import('./pages/disclosure/DocumentPage'));
const DisclosureVillagesPage = lazy(() => import('./pages/disclosure/VillagesPage'));
const DisclosureVillagePage = lazy(() => import('./pages/disclosure/VillagePage'));
const DisclosureStatementPage = lazy(() => import('./pages/disclosure/StatementPage'));
const DisclosureManagePage = lazy(() => import('./pages/disclosure/ManageDocumentsPage'));
const DisclosurePublishPage = lazy(() => import('./pages/disclosure/PublishStatementPage'));
const ForgotPasswordPage = lazy(() => import('./pages/account/ForgotPasswordPage'));
const ProfilePage = lazy(() => import('./pages/account/ProfilePage'));
const HallKioskDevicePage = lazy(() =>
  import('./pages/hall/KioskPage').then((m) => ({ default: m.KioskDevicePage })),
);
const HallAdminPage = lazy(() => import('./pages/hall/HallAdminPage'));
const InspectionPublishPage = lazy(() => import('./pages/inspections/PublishPage'));
const InspectionScanPage = lazy(() => import('./pages/inspections/ScanPage'));
const InspectionOverviewPage = lazy(() => import('./pages/inspections/OverviewPage'));
const InspectionSettingsPage = lazy(() => import('./pages/inspections/SettingsPage'));
const InspectionPage = lazy(() => import('./pages/inspections/InspectionPage'));
const AssessmentPage = lazy(() => import('./pages/assessment/AssessmentPage'));
const AssessmentBreakdownPage = lazy(() => import('./pages/assessment/BreakdownPage'));

const admin = (page: ReactNode) => <RequireRole roles={ADMIN_ROLES}>{page}</RequireRole>;
const staff = (page: ReactNode) => <RequireRole roles={SUPERVISION_ROLES}>{page}</RequireRole>;

export function App() {
  return (
    <AppLayout>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/departments" element={<DepartmentsPage />} />
          <Route path="/departments/:code" element={<DepartmentItemsPage />} />
          <Route path="/life-events" element={<LifeEventsPage />} />
          <Route path="/life-events/:name" element={<LifeEventItemsPage />} />
          <Route path="/items/:id" element={<ItemGuidePage />} />
          <Route path="/fees" element={<FeesPage />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/track" element={<TrackPage />} />
          <Route path="/track/:receiptNo" element={<TrackPage />} />
          <Route path="/bundles" element={<BundlesPage />} />
          <Route path="/bundles/:code" element={<BundleDetailPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route
            path="/apply"
            element={
              <RequireRole roles={APPLY_ROLES}>
                <ApplyPage />
              </RequireRole>
            }
          />
          <Route
            path="/my/cases"
            element={
              <RequireRole roles={['applicant']}>
                <MyCasesPage />
              </RequireRole>
            }
          />
          <Route
            path="/cases/:id"
            element={
              <RequireRole roles={CASE_ROLES}>
                <CaseDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="/window"
            element={
              <RequireRole roles={['clerk']}>
                <WindowPage />
              </RequireRole>
            }
          />
          <Route
            path="/workbench"
            element={
              <RequireRole roles={REVIEW_ROLES}>
                <WorkbenchPage />
              </RequireRole>
            }
          />
          <Route path="/admin/items" element={admin(<AdminItemsPage />)} />
          <Route path="/admin/items/new" element={admin(<ItemEditorPage />)} />
          <Route path="/admin/items/:id" element={admin(<ItemEditorPage />)} />
          <Route path="/admin/departments" element={admin(<AdminDepartmentsPage />)} />
          <Route path="/admin/bundles" element={admin(<AdminBundlesPage />)} />
          <Route path="/admin/users" element={admin(<AdminUsersPage />)} />
          <Route path="/admin/fees" element={admin(<AdminFeesPage />)} />
          <Route path="/admin/synonyms" element={admin(<SynonymsPage />)} />
          <Route path="/admin/calendar" element={admin(<AdminCalendarPage />)} />
          <Route path="/admin/catalogue" element={admin(<CatalogueFilePage />)} />
          <Route
            path="/supervision"
            element={
              <RequireRole roles={BOARD_ROLES}>
                <BoardPage />
              </RequireRole>
            }
          />
          <Route path="/supervision/clocks" element={staff(<ClocksPage />)} />
          <Route path="/supervision/clocks/:id" element={staff(<ClockDetailPage />)} />
          <Route path="/supervision/signals" element={staff(<SignalsPage />)} />
          <Route path="/supervision/orders" element={staff(<OrdersPage />)} />
          <Route path="/letters" element={staff(<LettersPage />)} />
          <Route
            path="/letters/department"
            element={
              <RequireRole roles={REVIEW_ROLES}>
                <DepartmentLettersPage view="department" />
              </RequireRole>
            }
          />
          <Route
            path="/letters/overdue"
            element={
              <RequireRole roles={BOARD_ROLES}>
                <DepartmentLettersPage view="overdue" />
              </RequireRole>
            }
          />
          <Route path="/letters/:id" element={staff(<LetterDetailPage />)} />
          <Route path="/complaints/report" element={<ReportPage />} />
          <Route path="/complaints/track" element={<TrackComplaintPage />} />
          <Route path="/complaints/stats" element={<ComplaintStatsPage />} />
          <Route
            path="/complaints/workbench"
            element={
              <RequireRole roles={COMPLAINT_CENTER_ROLES}>
                <ComplaintWorkbenchPage />
              </RequireRole>
            }
          />
          <Route
            path="/complaints/tickets/:id"
            element={
              <RequireRole roles={COMPLAINT_TICKET_ROLES}>
                <ComplaintDetailPage />
              </RequireRole>
            }
          />
          <Route
            path="/complaints/department"
            element={
              <RequireRole roles={['clerk', 'reviewer', 'head']}>
                <DepartmentComplaintsPage />
              </RequireRole>
            }
          />
          <Route
            path="/complaints/supervision"
            element={
              <RequireRole roles={['supervisor']}>
                <SupervisorComplaintsPage />
              </RequireRole>
            }
          />
          <Route
            path="/inbox"
            element={
              <RequireRole roles={ALL_SIGNED_IN}>
                <InboxPage />
              </RequireRole>
            }
          />
          <Route path="/fees/changes" element={<FeeChangesPage />} />
          <Route path="/self-inspection" element={<InspectionSummariesPage />} />
          <Route path="/conduct/commitments" element={staff(<CommitmentsPage />)} />
          <Route path="/conduct/self-inspection" element={staff(<SelfInspectionPage />)} />
          <Route path="/conduct/self-inspection/:id" element={staff(<CampaignPage />)} />
          <Route
            path="/conduct/fee-review"
            element={
              <RequireRole roles={['admin', 'supervisor', 'reviewer', 'head']}>
                <FeeReviewPage />
              </RequireRole>
            }
          />
          <Route
            path="/learning"
            element={
              <RequireRole roles={STAFF_ROLES}>
                <LearningPage />
              </RequireRole>
            }
          />
          <Route
            path="/learning/:id"
            element={
              <RequireRole roles={STAFF_ROLES}>
                <MaterialPage />
              </RequireRole>
            }
          />
          <Route
            path="/inspections"
            element={
              <RequireRole roles={['inspector', 'head', 'reviewer', 'supervisor', 'admin']}>
                <InspectionsPage view="department" />
              </RequireRole>
            }
          />
          <Route path="/inspections/stats" element={<InspectionStatsPage />} />
          <Route path="/inspect/:code" element={<VerifyPage />} />
          <Route
            path="/enterprise/inspections"
            element={
              <RequireRole roles={['applicant']}>
                <InspectionsPage view="enterprise" />
              </RequireRole>
            }
          />
          <Route
            path="/enterprise/sign"
            element={
              <RequireRole roles={['applicant']}>
                <SignPage />
              </RequireRole>
            }
          />
          <Route path="/rate/:receiptNo" element={<RateOnlinePage />} />
          <Route path="/ratings" element={<SatisfactionPage />} />
          <Route path="/ratings/tablet" element={<TabletRatingPage />} />
          <Route
            path="/ratings/work"
            element={
              <RequireRole roles={RATING_WORK_ROLES}>
                <RatingWorkPage />
              </RequireRole>
            }
          />
          <Route path="/appraisals" element={<AppraisalsPage />} />
          <Route path="/appraisals/:id/vote" element={<BallotPage />} />
          <Route path="/hall/book" element={<HallBookPage />} />
          <Route path="/hall/appointments/:token" element={<HallAppointmentPage />} />
          <Route path="/hall/t/:token" element={<HallTicketPage />} />
          <Route path="/hall/display" element={<HallDisplayPage />} />
          <Route path="/hall/kiosk" element={<HallKioskDevicePage />} />
          <Route
            path="/hall/desk"
            element={
              <RequireRole roles={['clerk']}>
                <HallKioskPage />
              </RequireRole>
            }
          />
          <Route
            path="/admin/hall"
            element={
              <RequireRole roles={['admin']}>
                <HallAdminPage />
              </RequireRole>
            }
          />
          <Route
            path="/hall/window"
            element={
              <RequireRole roles={['clerk']}>
                <HallWindowPage />
              </RequireRole>
            }
          />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/open-data" element={<OpenDataPage />} />
          <Route path="/disclosure" element={<DisclosureLibraryPage />} />
          <Route path="/disclosure/documents/:id" element={<DisclosureDocumentPage />} />
          <Route path="/disclosure/villages" element={<DisclosureVillagesPage />} />
          <Route path="/disclosure/villages/:code" element={<DisclosureVillagePage />} />
          <Route path="/disclosure/statements/:id" element={<DisclosureStatementPage />} />
          <Route path="/disclosure/manage" element={admin(<DisclosureManagePage />)} />
          <Route
            path="/disclosure/publish"
            element={
              <RequireRole roles={[...DISCLOSURE_PUBLISHERS]}>
                <DisclosurePublishPage />
              </RequireRole>
            }
          />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route
            path="/my/profile"
            element={
              <RequireRole roles={['applicant']}>
                <ProfilePage />
              </RequireRole>
            }
          />
          <Route
            path="/inspections/publish"
            element={
              <RequireRole roles={['head', 'admin']}>
                <InspectionPublishPage />
              </RequireRole>
            }
          />
          <Route
            path="/inspections/scan"
            element={
              <RequireRole roles={['inspector']}>
                <InspectionScanPage />
              </RequireRole>
            }
          />
          <Route
            path="/inspections/overview"
            element={
              <RequireRole roles={['supervisor', 'admin']}>
                <InspectionOverviewPage />
              </RequireRole>
            }
          />
          <Route
            path="/inspections/settings"
            element={
              <RequireRole roles={['supervisor', 'admin']}>
                <InspectionSettingsPage />
              </RequireRole>
            }
          />
          <Route
            path="/inspections/:id"
            element={
              <RequireRole roles={['inspector', 'head', 'reviewer', 'supervisor', 'admin']}>
                <InspectionPage />
              </RequireRole>
            }
          />
          <Route
            path="/assessment"
            element={
              <RequireRole roles={['supervisor', 'admin', 'head']}>
                <AssessmentPage />
              </RequireRole>
            }
          />
          <Route
            path="/assessment/:departmentId/breakdown"
            element={
              <RequireRole roles={['supervisor', 'admin', 'head']}>
                <AssessmentBreakdownPage />
              </RequireRole>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
