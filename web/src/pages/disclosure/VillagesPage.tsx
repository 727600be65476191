import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Flex, List, Select, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { RegisterVillageModal } from './RegisterVillageModal';
import { villageDepartments } from './roles';
import { filterVillages, readFilter, townshipsOf, writeFilter } from './village-admin';

/**
 * 村务财务公开: every village, whether it is up to date, and its last disclosed period; filtered by
 * township and overdue (kept in the address). The township's staff and administrators register
 * villages here.
 */
export default function VillagesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useAuth();
  const q = useApi('disclosure-villages', (s) => disclosureApi.villages(s));
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const [registering, setRegistering] = useState(false);
  const staff = user !== null && ['admin', 'clerk', 'head'].includes(user.role);
  const { departments } = useDepartments();
  const mine = useMemo(
    () => (staff ? villageDepartments(user, departments) : []),
    [staff, user, departments],
  );
  const townships = useMemo(() => townshipsOf(q.data?.items ?? []), [q.data]);
  const set = (f: Partial<typeof filter>) =>
    setParams(writeFilter(params, { ...filter, ...f }), { replace: true });
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('disclosure.villages.title')}
        subtitle={t('disclosure.villages.subtitle')}
        extra={
          mine.length > 0 ? (
            <Button type="primary" onClick={() => setRegistering(true)}>
              {t('villageAdmin.register')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex wrap gap="middle" align="center">
          <Select
            aria-label={t('villageAdmin.filterTownship')}
            style={{ minWidth: 180, maxWidth: '100%' }}
            value={filter.township ?? ''}
            onChange={(v) => set({ township: v || null })}
            options={[
              { value: '', label: t('villageAdmin.allTownships') },
              ...townships.map((tw) => ({ value: tw, label: tw })),
            ]}
          />
          <Checkbox checked={filter.overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked })}>
            {t('villageAdmin.overdueOnly')}
          </Checkbox>
        </Flex>
      </Card>
      <Card size="small">
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('disclosure.villages.none')}>
          {(d) => {
            const shown = filterVillages(d.items, filter);
            return (
              <List
                header={
                  <Typography.Text type="secondary">
                    {t('villageAdmin.shown', { count: shown.length })}
                  </Typography.Text>
                }
                locale={{ emptyText: t('villageAdmin.noMatch') }}
                dataSource={shown}
                renderItem={(v) => (
                  <List.Item key={v.id}>
                    <Flex vertical gap={2}>
                      <Flex wrap gap="small" align="center">
                        <Link to={`/disclosure/villages/${encodeURIComponent(v.code)}`}>
                          <Typography.Text strong>
                            {v.township} {v.name}
                          </Typography.Text>
                        </Link>
                        {v.overdue > 0 ? (
                          <Tag color="red">{t('disclosure.villages.overdue', { count: v.overdue })}</Tag>
                        ) : (
                          <Tag color="green">{t('disclosure.villages.upToDate')}</Tag>
                        )}
                      </Flex>
                      <Typography.Text type="secondary" className="ow-small">
                        {t(`disclosure.cadence.${v.cadence}`)} ·{' '}
                        {v.lastDisclosed
                          ? t('disclosure.villages.last', { period: v.lastDisclosed })
                          : t('disclosure.villages.never')}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            );
          }}
        </Loadable>
      </Card>
      {mine.length > 0 && (
        <RegisterVillageModal
          open={registering}
          departments={mine}
          today={q.data?.today ?? new Date().toISOString().slice(0, 10)}
          onClose={() => setRegistering(false)}
          onDone={(v) => {
            void message.success(t('villageAdmin.registered', { village: `${v.township}${v.name}` }));
            q.reload();
            void navigate(`/disclosure/villages/${encodeURIComponent(v.code)}`);
          }}
        />
      )}
    </Flex>
  );
}
