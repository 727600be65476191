import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseTask, type CaseView } from '../../api/cases';
import { FormModal } from '../../components/FormModal';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../api/problem';
import { useAuth } from '../../hooks/use-auth';
import { formatDate, todayInBeijing } from '../../format/date';
import { addWorkingDays } from '../../domain/working-days';
import { useSpecialDays } from '../../hooks/use-special-days';
import { MaterialsModal } from './MaterialsModal';
import { ShortfallModal } from './ShortfallModal';
import { SupplementNoticeModal, missingRequired } from './SupplementNoticeModal';
import { StaffSelect } from './StaffSelect';
import { promiseState } from './promise-state';

type Done = (c: CaseView) => void;

const DELIVERY_METHODS = ['在窗口直接送达', '邮寄送达', '电子送达'];

/** The case-level actions the server allows this user now (allowedActions), each a button or a dialog. */
export function CaseActions({ c, onDone }: { c: CaseView; onDone: Done }) {
  const { t } = useTranslation();
  const can = (a: string) => c.allowedActions.includes(a);
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A refused quick action (accept, submit) says why beside the buttons until closed: the server
  // names what is missing and what to do instead, more than a toast has time for.
  const [quickError, setQuickError] = useState<unknown>(null);
  const deferred = c.materials.filter((m) => m.status === 'deferred').map((m) => m.name);
  const act = async (path: string, body: Record<string, unknown>) => {
    const r = await casesApi.act(c.id, path, { version: c.version, ...body });
    onDone(r.case);
  };
  const quick = async (path: string) => {
    setBusy(true);
    setQuickError(null);
    try {
      await act(path, {});
    } catch (e) {
      setQuickError(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => setOpen(null);
  const buttons: ReactNode[] = [];
  if (can('submit'))
    buttons.push(
      <Button key="submit" type="primary" loading={busy} onClick={() => quick('submit')}>
        {t('caseAction.submit')}
      </Button>,
    );
  if (can('accept'))
    buttons.push(
      <Popconfirm
        key="accept"
        // Say what is true: all there, or which required materials are still missing.
        title={
          missingRequired(c).length > 0
            ? t('ux.accept.missing', { names: missingRequired(c).join('、') })
            : t('caseAction.acceptConfirm')
        }
        onConfirm={() => {
          void quick('accept');
        }}
        okText={t('common.yes')}
        cancelText={t('common.no')}
      >
        <Button type="primary" disabled={busy}>
          {t('caseAction.accept')}
        </Button>
      </Popconfirm>,
    );
  for (const a of [
    'request_supplement',
    'accept_with_shortfall',
    'refuse_intake',
    'supplement',
    'provide_deferred',
    'deliver',
    'withdraw',
  ]) {
    // Nothing was deferred (no 容缺), so there is nothing to hand in later.
    if (a === 'provide_deferred' && deferred.length === 0) continue;
    if (can(a))
      buttons.push(
        <Button
          key={a}
          danger={a === 'refuse_intake' || a === 'withdraw'}
          type={a === 'supplement' || a === 'deliver' ? 'primary' : 'default'}
          onClick={() => setOpen(a)}
        >
          {t(`caseAction.${a}`)}
        </Button>,
      );
  }
  if (buttons.length === 0) return null;
  return (
    <Flex gap="small" wrap role="group" aria-label={t('caseDetail.actions')}>
      {buttons}
      {quickError ? (
        <div style={{ flexBasis: '100%' }}>
          <ProblemAlert
            error={quickError}
            extra={problemFields(quickError)}
            onClose={() => setQuickError(null)}
          />
        </div>
      ) : null}
      <SupplementNoticeModal open={open === 'request_supplement'} c={c} onClose={close} act={act} />
      <ShortfallModal open={open === 'accept_with_shortfall'} c={c} onClose={close} act={act} />
      <RefuseIntakeModal open={open === 'refuse_intake'} onClose={close} act={act} />
      <MaterialsModal
        open={open === 'supplement'}
        title={t('caseAction.supplement')}
        names={supplementNames(c)}
        path="supplement"
        onClose={close}
        act={act}
      />
      <MaterialsModal
        open={open === 'provide_deferred'}
        title={t('caseAction.provide_deferred')}
        names={deferred}
        path="deferred-materials"
        onClose={close}
        act={act}
      />
      <DeliverModal open={open === 'deliver'} c={c} onClose={close} act={act} />
      <ReasonModal
        open={open === 'withdraw'}
        title={t('caseAction.withdraw')}
        onClose={close}
        onSubmit={(reason) => act('withdraw', { reason })}
      />
    </Flex>
  );
}

type Act = (path: string, body: Record<string, unknown>) => Promise<void>;

const problemFields = (e: unknown) => (e instanceof ApiError ? e.fieldErrors : []);

/** What the latest one-time notice asked for (or, failing that, the required materials still missing). */
function supplementNames(c: CaseView): string[] {
  const last = c.supplementNotices?.[c.supplementNotices.length - 1];
  const named = last?.items?.map((i) => i.name) ?? [];
  return named.length > 0 ? named : missingRequired(c);
}

function RefuseIntakeModal({ open, onClose, act }: { open: boolean; onClose: () => void; act: Act }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reasons: string; competentAgency?: string }>();
  return (
    <FormModal
      open={open}
      title={t('caseAction.refuse_intake')}
      form={form}
      fields={['competentAgency']}
      onClose={onClose}
      okText={t('caseAction.send')}
      onSubmit={(v) =>
        act('refuse-intake', {
          reasons: lines(v.reasons),
          ...(v.competentAgency ? { competentAgency: v.competentAgency } : {}),
        })
      }
    >
      <Form.Item
        name="reasons"
        label={t('refuse.reasons')}
        extra={t('refuse.onePerLine')}
        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="competentAgency" label={t('refuse.agency')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function DeliverModal({
  open,
  c,
  onClose,
  act,
}: {
  open: boolean;
  c: CaseView;
  onClose: () => void;
  act: Act;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ method: string; recipient: string }>();
  return (
    <FormModal
      open={open}
      title={t('caseAction.deliver')}
      form={form}
      fields={['method', 'recipient']}
      onClose={onClose}
      okText={t('caseAction.deliver')}
      initialValues={{ method: DELIVERY_METHODS[0], recipient: c.applicant?.name ?? '' }}
      onSubmit={(v) => act('deliver', v)}
    >
      <Form.Item name="method" label={t('deliver.method')} rules={[{ required: true }]}>
        <Select options={DELIVERY_METHODS.map((m) => ({ value: m, label: m }))} />
      </Form.Item>
      <Form.Item
        name="recipient"
        label={t('deliver.recipient')}
        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}

function ReasonModal({
  open,
  title,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      open={open}
      title={title}
      form={form}
      fields={['reason']}
      onClose={onClose}
      okText={t('caseAction.send')}
      onSubmit={(v) => onSubmit(v.reason)}
    >
      <Form.Item
        name="reason"
        label={t('caseAction.reason')}
        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** A picker's popup inside its dialog (one portal, not one nested in another), scrolling with it. */
const inDialog = (trigger: HTMLElement) => trigger.parentElement ?? document.body;

/** Art. 34: on-site verification by two staff of the task's department, reviewers or heads. */
const SITE_ROLES: readonly string[] = ['reviewer', 'head'];

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** A reviewer's actions on their department's task: opinion, verification, special procedure, extension, decision. */
export function TaskActions({ c, task, onDone }: { c: CaseView; task: CaseTask; onDone: Done }) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const can = (a: string) => c.allowedActions.includes(a);
  const [open, setOpen] = useState<string | null>(null);
  const act = async (path: string, body: Record<string, unknown>) => {
    const r = await casesApi.act(c.id, path, { version: c.version, taskId: task.id, ...body });
    onDone(r.case);
  };
  const close = () => setOpen(null);
  const openProcedure = (c.records ?? []).find(
    (r) => r.kind === 'special_procedure' && r.taskId === task.id && r.status === 'open',
  );
  const forms = {
    opinion: Form.useForm()[0],
    site: Form.useForm()[0],
    special: Form.useForm()[0],
    end: Form.useForm()[0],
    ext: Form.useForm()[0],
    decide: Form.useForm()[0],
  };
  const dept = task.department?.name ?? '';
  // A 容缺 promise outstanding allows no decision; a lapsed one, only a refusal (as the server rules).
  const promise = promiseState(c.materials, todayInBeijing());
  const itemName = c.items.find((i) => i.itemId === task.itemId)?.name ?? c.title;
  return (
    <Flex gap="small" wrap role="group" aria-label={t('review.actionsFor', { dept })}>
      {can('decide_task') && task.state === 'reviewing' && (
        <Button type="primary" onClick={() => setOpen('decide')}>
          {t('review.decide')}
        </Button>
      )}
      {can('record_opinion') && <Button onClick={() => setOpen('opinion')}>{t('review.opinion')}</Button>}
      {can('record_site_verification') && <Button onClick={() => setOpen('site')}>{t('review.site')}</Button>}
      {can('start_special_procedure') && !openProcedure && (
        <Button onClick={() => setOpen('special')}>{t('review.special')}</Button>
      )}
      {can('end_special_procedure') && openProcedure && (
        <Button onClick={() => setOpen('end')}>{t('review.endSpecial')}</Button>
      )}
      {can('request_extension') && <Button onClick={() => setOpen('ext')}>{t('review.extension')}</Button>}

      <FormModal
        open={open === 'decide'}
        title={t('ux.decide.title', { item: itemName, dept })}
        form={forms.decide}
        fields={['decision']}
        onClose={close}
        okText={t('caseAction.send')}
        onSubmit={(v: { decision: string; reasons?: string }) =>
          act('decisions', { decision: v.decision, reasons: lines(v.reasons ?? '') })
        }
      >
        <Typography.Paragraph>
          {t('ux.decide.which', { item: itemName, receiptNo: c.receiptNo, applicant: c.applicant.name })}
        </Typography.Paragraph>
        {promise.kind !== 'none' && (
          <Alert
            type={promise.kind === 'lapsed' ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t(`review.promise.${promise.kind}`, {
              names: promise.names.join('、'),
              deadline: formatDate(promise.deadline, i18n.language, false),
            })}
          />
        )}
        {/* Nothing is preselected: the reviewer chooses, knowingly, every time. */}
        <Form.Item
          name="decision"
          label={t('review.decision')}
          rules={[{ required: true, message: t('ux.decide.choose') }]}
        >
          <Radio.Group
            options={[
              { value: 'approve', label: t('review.approve'), disabled: promise.kind !== 'none' },
              { value: 'refuse', label: t('review.refuse'), disabled: promise.kind === 'outstanding' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['decision']}>
          {({ getFieldValue }) => (
            <Form.Item
              name="reasons"
              label={t('review.reasons')}
              extra={t('refuse.onePerLine')}
              rules={
                getFieldValue('decision') === 'refuse'
                  ? [{ required: true, whitespace: true, message: t('ux.decide.reasonsNeeded') }]
                  : []
              }
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form.Item>
      </FormModal>
      <FormModal
        open={open === 'opinion'}
        title={t('review.opinion')}
        form={forms.opinion}
        fields={['text']}
        onClose={close}
        okText={t('caseAction.send')}
        onSubmit={(v: { text: string }) => act('opinions', v)}
      >
        <Form.Item
          name="text"
          label={t('review.opinionText')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={open === 'site'}
        title={t('review.site')}
        form={forms.site}
        fields={['staffIds', 'date', 'findings']}
        onClose={close}
        okText={t('caseAction.send')}
        initialValues={{ staffIds: user && SITE_ROLES.includes(user.role) ? [user.id] : [] }}
        onSubmit={(v: { staffIds: string[]; date: dayjs.Dayjs; findings: string }) =>
          act('site-verifications', {
            staffIds: v.staffIds,
            date: v.date.format('YYYY-MM-DD'),
            findings: v.findings,
          })
        }
      >
        <Form.Item
          name="staffIds"
          label={t('workbench.siteStaff')}
          extra={t('workbench.siteStaffHelp')}
          rules={[
            {
              validator: async (_, ids: string[] | undefined) => {
                if ((ids?.length ?? 0) < 2) throw new Error(t('workbench.siteStaffRule'));
              },
            },
          ]}
        >
          <StaffSelect multiple roles={SITE_ROLES} departmentId={task.department?.id} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('review.siteDate')}
          rules={[{ required: true, message: t('apply.required') }]}
        >
          <DatePicker
            getPopupContainer={inDialog}
            disabledDate={(d) => d.format('YYYY-MM-DD') > todayInBeijing()}
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('review.findings')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={open === 'special'}
        title={t('review.special')}
        form={forms.special}
        fields={['procedure', 'expectedDays', 'reason']}
        onClose={close}
        okText={t('caseAction.send')}
        onSubmit={(v: { procedure: string; expectedDays: number; reason: string }) =>
          act('special-procedures', v)
        }
      >
        <Form.Item
          name="procedure"
          label={t('review.procedure')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="expectedDays"
          label={t('review.expectedDays')}
          rules={[{ required: true, message: t('apply.required') }]}
        >
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('caseAction.reason')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={open === 'end'}
        title={t('review.endSpecial')}
        form={forms.end}
        fields={['outcome']}
        onClose={close}
        okText={t('caseAction.send')}
        onSubmit={(v: { outcome: string }) =>
          casesApi
            .act(c.id, `special-procedures/${encodeURIComponent(openProcedure!.id)}/end`, {
              version: c.version,
              taskId: task.id,
              outcome: v.outcome,
            })
            .then((r) => onDone(r.case))
        }
      >
        <Form.Item
          name="outcome"
          label={t('review.outcome')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={open === 'ext'}
        title={t('review.extension')}
        form={forms.ext}
        fields={['days', 'reason']}
        onClose={close}
        okText={t('caseAction.send')}
        onSubmit={(v: { days: number; reason: string }) => act('extension-requests', v)}
      >
        <Form.Item
          name="days"
          label={t('review.extensionDays')}
          rules={[{ required: true, message: t('apply.required') }]}
        >
          <InputNumber min={1} max={15} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('caseAction.reason')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}

/**
 * The head's decision on a pending extension request: a dialog that shows what changes (the due date
 * before and after), the reason asked, and takes the head's note; nothing is decided in one click.
 */
export function ExtensionDecision({
  c,
  recordId,
  task,
  days,
  reason,
  onDone,
}: {
  c: CaseView;
  recordId: string;
  task: CaseTask;
  days: number;
  reason: string;
  onDone: Done;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<'approve' | 'refuse' | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const due = task.clock?.dueDate ?? null;
  // The new due date as the server will count it: working days after the current one.
  const special = useSpecialDays(due ? Number(due.slice(0, 4)) : new Date().getFullYear());
  const newDue = due && special && days > 0 ? addWorkingDays(due, days, special) : null;
  const lang = i18n.language;
  return (
    <Flex gap="small">
      <Button size="small" type="primary" onClick={() => setOpen('approve')}>
        {t('review.approveExtension')}
      </Button>
      <Button size="small" danger onClick={() => setOpen('refuse')}>
        {t('review.refuseExtension')}
      </Button>
      <FormModal
        open={open !== null}
        title={open === 'approve' ? t('ux.extension.approveTitle') : t('ux.extension.refuseTitle')}
        form={form}
        fields={['note']}
        onClose={() => setOpen(null)}
        okText={open === 'approve' ? t('review.approveExtension') : t('review.refuseExtension')}
        onSubmit={async (v: { note?: string }) => {
          const note = v.note?.trim();
          const r = await casesApi.act(c.id, `extension-requests/${encodeURIComponent(recordId)}/decision`, {
            version: c.version,
            approve: open === 'approve',
            ...(note ? { note } : {}),
          });
          onDone(r.case);
        }}
      >
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'reason', label: t('ux.extension.reason'), children: reason },
            { key: 'days', label: t('ux.extension.days'), children: t('guide.workdays', { count: days }) },
            ...(due
              ? [
                  {
                    key: 'due',
                    label: t('ux.extension.due'),
                    children:
                      open === 'approve' && newDue
                        ? t('ux.extension.diff', {
                            from: formatDate(due, lang, false),
                            to: formatDate(newDue, lang, false),
                          })
                        : formatDate(due, lang, false),
                  },
                ]
              : []),
          ]}
        />
        <Form.Item
          name="note"
          label={t('ux.extension.note')}
          rules={
            open === 'refuse'
              ? [{ required: true, whitespace: true, message: t('ux.extension.noteNeeded') }]
              : []
          }
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
