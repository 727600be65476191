import { useState } from 'react';
import { Flex, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { PageTitle } from '../../components/PageTitle';
import { GroupsTab } from './admin/GroupsTab';
import { WindowsTab } from './admin/WindowsTab';
import { DevicesTab } from './admin/DevicesTab';
import { SettingsTab } from './admin/SettingsTab';

const SECTIONS = ['groups', 'windows', 'devices', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

/** 大厅设置: window groups and their slots, windows, the hall's devices, priorities and no-shows. */
export default function HallAdminPage() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('groups');
  const groups = useApi('hall-admin-groups', (s) => hallApi.groups(s));
  const panel = useApi('hall-admin-panel', (s) => hallApi.panel(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('hall.admin.title')} subtitle={t('hall.admin.subtitle')} />
      {/* Segmented rather than tabs: on a phone, tabs hide the overflow in a menu button screen readers trip over. */}
      <Segmented<Section>
        aria-label={t('hall.admin.title')}
        value={section}
        onChange={setSection}
        options={SECTIONS.map((k) => ({ value: k, label: t(`hall.admin.${k}`) }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {section === 'groups' && <GroupsTab groups={groups} />}
      {section === 'windows' && <WindowsTab panel={panel} groups={groups.data?.items ?? []} />}
      {section === 'devices' && (
        <DevicesTab windows={panel.data?.windows ?? []} groups={groups.data?.items ?? []} />
      )}
      {section === 'settings' && <SettingsTab />}
    </Flex>
  );
}
