import { useRef } from 'react';
import { Badge, Button, Dropdown, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { casesApi, type InboxMessage } from '../api/cases';
import { useApi } from '../hooks/use-api';
import { useAuth } from '../hooks/use-auth';
import { formatInstant } from '../format/date';

/** Where a message leads: its case, letter or report; else the inbox. */
export function messageLink(m: Pick<InboxMessage, 'subjectType' | 'subjectId'>): string {
  if (!m.subjectId) return '/inbox';
  if (m.subjectType === 'case') return `/cases/${m.subjectId}`;
  if (m.subjectType === 'letter') return `/letters/${m.subjectId}`;
  if (m.subjectType === 'complaint') return `/complaints/tickets/${m.subjectId}`;
  if (m.subjectType === 'supervision_order') return '/supervision/orders';
  return '/inbox';
}

/** The header's bell for everyone logged in: the unread count, the latest messages, the inbox. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { status } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Every page asks again (a step just taken may have sent a message); the last answer shows meanwhile.
  const inbox = useApi(status === 'authenticated' ? `bell:${i18n.language}:${pathname}` : null, (s) =>
    casesApi.inbox(s),
  );
  const last = useRef(inbox.data);
  if (inbox.data) last.current = inbox.data;
  const { reload } = inbox;
  if (status !== 'authenticated') return null;
  const data = inbox.data ?? last.current;
  const unread = data?.unread ?? 0;
  const latest = (data?.items ?? []).slice(0, 5);
  const items = [
    ...latest.map((m) => ({
      key: m.id,
      label: (
        <span className="ow-bell-item">
          <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
          <br />
          <Typography.Text type="secondary" className="ow-small">
            {formatInstant(m.createdAt, i18n.language)}
          </Typography.Text>
        </span>
      ),
    })),
    ...(latest.length === 0 ? [{ key: 'none', label: t('ux.bell.none'), disabled: true }] : []),
    { type: 'divider' as const },
    { key: 'all', label: t('ux.bell.all') },
  ];
  const onClick = async ({ key }: { key: string }) => {
    if (key === 'all') return navigate('/inbox');
    const m = latest.find((x) => x.id === key);
    if (!m) return;
    if (!m.readAt) await casesApi.readMessage(m.id).catch(() => undefined);
    reload();
    navigate(messageLink(m));
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button
        type="text"
        className="ow-header-button"
        aria-label={t('ux.bell.label', { count: unread })}
        icon={
          <Badge count={unread} size="small" offset={[2, -2]}>
            <BellOutlined aria-hidden className="ow-bell-icon" />
          </Badge>
        }
      />
    </Dropdown>
  );
}
