import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { PageTitle } from '../../components/PageTitle';
import { GroupsTab } from './admin/GroupsTab';
import { WindowsTab } from './admin/WindowsTab';
import { DevicesTab } from './admin/DevicesTab';
import { SettingsTab } from './admin/SettingsTab';

/** 大厅设置: window groups and their slots, windows, the hall's devices, priorities and no-shows. */
export default function HallAdminPage() {
  const { t } = useTranslation();
  const groups = useApi('hall-admin-groups', (s) => hallApi.groups(s));
  const panel = useApi('hall-admin-panel', (s) => hallApi.panel(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('hall.admin.title')} subtitle={t('hall.admin.subtitle')} />
      <Tabs
        items={[
          { key: 'groups', label: t('hall.admin.groups'), children: <GroupsTab groups={groups} /> },
          {
            key: 'windows',
            label: t('hall.admin.windows'),
            children: <WindowsTab panel={panel} groups={groups.data?.items ?? []} />,
          },
          {
            key: 'devices',
            label: t('hall.admin.devices'),
            children: <DevicesTab windows={panel.data?.windows ?? []} groups={groups.data?.items ?? []} />,
          },
          { key: 'settings', label: t('hall.admin.settings'), children: <SettingsTab /> },
        ]}
      />
    </Flex>
  );
}
