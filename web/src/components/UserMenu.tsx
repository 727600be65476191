import { Button, Dropdown } from 'antd';
import { IdcardOutlined, LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../hooks/use-auth';
import { enumLabel } from '../domain/enums';

export function UserMenu() {
  const { t } = useTranslation();
  const { status, user, logout } = useAuth();
  const navigate = useNavigate();
  if (status !== 'authenticated' || !user) {
    return (
      <Button
        type="text"
        icon={<LoginOutlined aria-hidden />}
        onClick={() => navigate('/login')}
        className="ow-header-button"
        disabled={status === 'loading'}
      >
        {t('nav.login')}
      </Button>
    );
  }
  const items = [
    { key: 'who', label: `${user.displayName}（${enumLabel(t, 'role', user.role)}）`, disabled: true },
    { type: 'divider' as const },
    // An applicant keeps the profile their application forms are prefilled from.
    ...(user.role === 'applicant'
      ? [{ key: 'profile', icon: <IdcardOutlined aria-hidden />, label: t('account.menuProfile') }]
      : []),
    { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('nav.logout') },
  ];
  const onClick = async ({ key }: { key: string }) => {
    if (key === 'profile') navigate('/my/profile');
    if (key !== 'logout') return;
    await logout();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button
        type="text"
        icon={<UserOutlined aria-hidden />}
        className="ow-header-button"
        aria-label={t('nav.userMenu', { name: user.displayName })}
      >
        <span className="ow-hide-phone">{user.displayName}</span>
      </Button>
    </Dropdown>
  );
}
