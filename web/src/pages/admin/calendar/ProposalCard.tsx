import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../../api/admin';
import type { CalendarProposal } from '../../../api/admin-types';
import { calendarSource } from '../../../domain/holidays';
import { enumLabel } from '../../../domain/enums';
import { formatInstant } from '../../../format/date';
import { useAuth } from '../../../hooks/use-auth';
import { FormModal } from '../../../components/FormModal';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { DiffTable } from './DiffTable';

const COLOUR = { pending: 'orange', confirmed: 'green', rejected: 'default' };

export function ProposalCard({
  proposal: p,
  onDecided,
}: {
  proposal: CalendarProposal;
  onDecided: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const mine = user !== null && p.proposedBy === user.id;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await adminApi.confirmProposal(p.id);
      message.success(t('adminCalendar.confirmed', { year: r.year, count: r.reprojected }));
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      className="ow-proposal"
      title={t('adminCalendar.proposalTitle', { year: p.year })}
      extra={<Tag color={COLOUR[p.status]}>{enumLabel(t, 'recordStatus', p.status)}</Tag>}
    >
      <Flex vertical gap="small">
        <Typography.Text type="secondary">
          {t('adminCalendar.proposedAt', {
            at: formatInstant(p.proposedAt, i18n.language),
            source: calendarSource(p.source, i18n.language),
          })}
          {mine && ` · ${t('adminCalendar.byYou')}`}
        </Typography.Text>
        {p.decidedAt && (
          <Typography.Text type="secondary">
            {t('adminCalendar.decidedAt', {
              at: formatInstant(p.decidedAt, i18n.language),
              note: p.decisionNote ?? '',
            })}
          </Typography.Text>
        )}
        <DiffTable diff={p.diff} />
        {p.status === 'pending' && (
          <>
            {mine && <Typography.Text type="secondary">{t('adminCalendar.secondAdmin')}</Typography.Text>}
            {error ? <ProblemAlert error={error} onClose={() => setError(null)} /> : null}
            <Flex gap="small">
              <Button type="primary" onClick={confirm} loading={busy}>
                {t('adminCalendar.confirm')}
              </Button>
              <Button danger onClick={() => setRejecting(true)}>
                {t('adminCalendar.reject')}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
      <FormModal<{ note: string }>
        open={rejecting}
        title={t('adminCalendar.reject')}
        form={form}
        fields={['note']}
        okText={t('adminCalendar.reject')}
        onClose={() => setRejecting(false)}
        onSubmit={async (v) => {
          await adminApi.rejectProposal(p.id, v.note.trim());
          message.success(t('adminCalendar.rejected'));
          onDecided();
        }}
      >
        <Form.Item
          name="note"
          label={t('adminCalendar.rejectNote')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 500, message: t('adminCalendar.noteRequired') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
