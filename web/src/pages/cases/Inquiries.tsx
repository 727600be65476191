import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inquiriesApi, type Inquiry } from '../../api/cases';
import { catalogueApi } from '../../api/catalogue';
import { formatDate } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { RowList } from './RowList';
import { StaffSelect } from './StaffSelect';

/**
 * 首问负责: the inquiries I own; record one, answer it or hand it over to a colleague picked by name —
 * of my department, or of the department the question belongs to.
 */
export function Inquiries() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const q = useApi('inquiries', (s) => inquiriesApi.open(s));
  const [open, setOpen] = useState<
    { kind: 'new' } | { kind: 'answer' | 'handover'; inquiry: Inquiry } | null
  >(null);
  const forms = { record: Form.useForm()[0], answer: Form.useForm()[0], handover: Form.useForm()[0] };
  const close = () => setOpen(null);
  const handoverDept = Form.useWatch('departmentId', forms.handover) as string | undefined;
  return (
    <Card
      size="small"
      title={<h2 className="ow-section-title">{t('inquiry.title')}</h2>}
      extra={
        <Button size="small" onClick={() => setOpen({ kind: 'new' })}>
          {t('inquiry.record')}
        </Button>
      }
    >
      <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('inquiry.none')}>
        {(d) => (
          <RowList
            label={t('inquiry.title')}
            items={d.items}
            rowKey={(i) => i.id}
            actions={(i) => (
              <>
                <Button
                  size="small"
                  onClick={() => setOpen({ kind: 'answer', inquiry: i })}
                  aria-label={t('inquiry.answerFor', { name: i.personName })}
                >
                  {t('inquiry.answer')}
                </Button>
                <Button
                  size="small"
                  onClick={() => setOpen({ kind: 'handover', inquiry: i })}
                  aria-label={t('inquiry.handoverFor', { name: i.personName })}
                >
                  {t('inquiry.handover')}
                </Button>
              </>
            )}
            render={(i) => (
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {i.personName} {i.contact}
                </Typography.Text>
                <Typography.Text>{i.question}</Typography.Text>
                {i.dueDate && (
                  <Typography.Text type="secondary" className="ow-small">
                    {t('inquiry.due', { date: formatDate(i.dueDate, i18n.language) })}
                  </Typography.Text>
                )}
              </Flex>
            )}
          />
        )}
      </Loadable>
      <FormModal
        open={open?.kind === 'new'}
        title={t('inquiry.record')}
        form={forms.record}
        fields={['personName', 'contact', 'question']}
        onClose={close}
        onSubmit={async (v: { personName: string; contact?: string; question: string }) => {
          await inquiriesApi.record({
            personName: v.personName,
            question: v.question,
            ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}),
          });
          q.reload();
        }}
      >
        <Form.Item
          name="personName"
          label={t('inquiry.personName')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contact" label={t('inquiry.contact')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="question"
          label={t('inquiry.question')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={open?.kind === 'answer'}
        title={t('inquiry.answer')}
        form={forms.answer}
        fields={['answer']}
        onClose={close}
        onSubmit={async (v: { answer: string }) => {
          if (open?.kind === 'answer')
            await inquiriesApi.answer(open.inquiry.id, { version: open.inquiry.version, answer: v.answer });
          q.reload();
        }}
      >
        <Form.Item
          name="answer"
          label={t('inquiry.answer')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={open?.kind === 'handover'}
        title={t('inquiry.handover')}
        form={forms.handover}
        fields={['toUserId', 'note']}
        onClose={close}
        okText={t('inquiry.handover')}
        initialValues={{ departmentId: user?.departmentId ?? undefined }}
        onSubmit={async (v: { departmentId?: string; toUserId: string; note: string }) => {
          if (open?.kind === 'handover')
            await inquiriesApi.handover(open.inquiry.id, {
              version: open.inquiry.version,
              toUserId: v.toUserId,
              note: v.note,
            });
          q.reload();
        }}
      >
        {open?.kind === 'handover' && (
          <Typography.Paragraph type="secondary">
            {open.inquiry.personName}：{open.inquiry.question}
          </Typography.Paragraph>
        )}
        <Form.Item name="departmentId" label={t('inquiry.toDepartment')}>
          <DepartmentSelect onPicked={() => forms.handover.setFieldValue('toUserId', undefined)} />
        </Form.Item>
        <Form.Item
          name="toUserId"
          label={t('inquiry.toColleague')}
          extra={t('inquiry.toColleagueHelp')}
          rules={[{ required: true, message: t('inquiry.pickStaff') }]}
        >
          <StaffSelect exclude={user?.id} departmentId={handoverDept ?? user?.departmentId ?? undefined} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('inquiry.note')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** The departments of the center by name (the public list), for handing an inquiry to the right one. */
function DepartmentSelect({
  id,
  value,
  onChange,
  onPicked,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  onPicked: () => void;
}) {
  const { t } = useTranslation();
  const q = useApi('departments', (s) => catalogueApi.departments(s));
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string) => {
        onChange?.(v);
        onPicked();
      }}
      loading={q.loading}
      showSearch={{ optionFilterProp: 'label' }}
      status={q.error ? 'error' : undefined}
      placeholder={t('inquiry.pickDepartment')}
      options={(q.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
