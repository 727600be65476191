import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../api/complaints';
import { enumLabel } from '../../domain/enums';
import { formatInstant } from '../../format/date';

// The history's data carries the step's own words; these are the ones worth showing beside it.
const SHOWN = ['note', 'reason', 'reasons', 'reply', 'decision', 'suggestedResponsible'];

/** The ticket's chained history: every step, who took it (by role), when, and what was said. */
export function ComplaintHistory({ history }: { history: ComplaintView['history'] }) {
  const { t, i18n } = useTranslation();
  // A report from the portal has no account behind it: its steps are the public's.
  const actor = (role: string) =>
    role === 'anonymous' ? t('complaints.publicActor') : enumLabel(t, 'role', role);
  return (
    <Card size="small" title={t('complaints.history')}>
      <Timeline
        aria-label={t('complaints.history')}
        items={history.map((h) => ({
          key: h.seq,
          content: (
            <>
              <Typography.Text strong>{enumLabel(t, 'complaintStep', h.kind)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatInstant(h.at, i18n.language)}
                {h.actorRole ? ` · ${actor(h.actorRole)}` : ''}
              </Typography.Text>
              {SHOWN.filter((k) => h.data[k] !== undefined && h.data[k] !== null && h.data[k] !== '').map(
                (k) => (
                  <div key={k}>
                    {Array.isArray(h.data[k]) ? (h.data[k] as unknown[]).join('；') : String(h.data[k])}
                  </div>
                ),
              )}
            </>
          ),
        }))}
      />
    </Card>
  );
}
