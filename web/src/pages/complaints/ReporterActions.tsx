import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type TrackView } from '../../api/complaints';
import { formatDate } from '../../format/date';
import { messageOf } from '../../components/ProblemAlert';

/** The reporter's own steps, proved by the check code: rate the handling, or reopen within the period. */
export function ReporterActions({
  ticket,
  code,
  onChanged,
}: {
  ticket: TrackView;
  code: string;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [rating, setRating] = useState(0);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (ticket.state !== 'closed') return null;

  const act = async (step: 'rate' | 'reopen', body: Record<string, unknown>) => {
    setBusy(true);
    try {
      await complaintsApi.act(ticket.id, step, { code, ...body });
      message.success(t(`complaints.track.${step}Done`));
      onChanged();
    } catch (e) {
      message.error(messageOf(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      {ticket.rating === null && (
        <Card size="small" title={t('complaints.track.rateTitle')}>
          <Form layout="vertical">
            <Form.Item label={t('complaints.rating')}>
              <Rate
                aria-label={t('complaints.rating')}
                value={rating}
                onChange={setRating}
                tooltips={[1, 2, 3, 4, 5].map((n) => t(`complaints.ratingLabel.${n}`))}
              />
            </Form.Item>
            <Form.Item label={t('complaints.note')} htmlFor="complaint-rate-note">
              <Input.TextArea
                id="complaint-rate-note"
                rows={2}
                maxLength={1000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </Form.Item>
            <Button
              type="primary"
              disabled={rating === 0}
              loading={busy}
              onClick={() => act('rate', { rating, ...(note.trim() ? { note: note.trim() } : {}) })}
            >
              {t('complaints.track.rate')}
            </Button>
          </Form>
        </Card>
      )}
      {ticket.mayReopenUntil && (
        <Card size="small" title={t('complaints.track.reopenTitle')}>
          <Typography.Paragraph type="secondary">
            {t('complaints.track.reopenUntil', { date: formatDate(ticket.mayReopenUntil, i18n.language) })}
          </Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('complaints.track.reopenReason')} htmlFor="complaint-reopen-reason">
              <Input.TextArea
                id="complaint-reopen-reason"
                rows={3}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </Form.Item>
            <Button
              danger
              disabled={!reason.trim()}
              loading={busy}
              onClick={() => act('reopen', { reason: reason.trim() })}
            >
              {t('complaints.track.reopen')}
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
