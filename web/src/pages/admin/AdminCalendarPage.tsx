import { useId, useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProposalCard } from './calendar/ProposalCard';
import { ProposeForm } from './calendar/ProposeForm';

/**
 * A year's State Council notice: one administrator loads it, sees what changes, and a second
 * administrator confirms it (the server refuses the proposer: four_eyes). Confirming re-projects
 * every open deadline that depends on that year.
 */
export default function AdminCalendarPage() {
  const { t } = useTranslation();
  const statusId = useId();
  const [status, setStatus] = useState<string | undefined>('pending');
  const q = useApi(`proposals:${status ?? ''}`, (s) => adminApi.proposals(status, s));

  return (
    <Flex vertical gap="large">
      <PageTitle title={t('adminCalendar.title')} subtitle={t('adminCalendar.subtitle')} />
      <ProposeForm
        onProposed={() => {
          setStatus('pending');
          q.reload();
        }}
      />
      <section aria-labelledby="proposals-heading">
        <Flex justify="space-between" align="center" wrap gap="small">
          <Typography.Title level={3} id="proposals-heading" style={{ margin: 0 }}>
            {t('adminCalendar.proposals')}
          </Typography.Title>
          <Flex align="center" gap="small">
            <label htmlFor={statusId}>{t('common.status')}</label>
            <Select
              id={statusId}
              allowClear
              value={status}
              onChange={setStatus}
              placeholder={t('common.all')}
              style={{ width: 140 }}
              options={['pending', 'confirmed', 'rejected'].map((s) => ({
                value: s,
                label: t(`enum.recordStatus.${s}`),
              }))}
            />
          </Flex>
        </Flex>
        <div style={{ marginTop: 12 }}>
          <Loadable
            state={q}
            isEmpty={(d) => d.items.length === 0}
            emptyText={t('adminCalendar.noProposals')}
          >
            {(d) => (
              <Flex vertical gap="middle">
                {d.items.map((p) => (
                  <ProposalCard key={`${p.id}:${p.status}`} proposal={p} onDecided={q.reload} />
                ))}
              </Flex>
            )}
          </Loadable>
        </div>
      </section>
    </Flex>
  );
}
