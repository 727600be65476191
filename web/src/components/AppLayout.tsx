import { useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Menu } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../hooks/use-auth';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { ElderToggle } from './ElderToggle';
import { NotificationBell } from './NotificationBell';
import { navItems, selectedKey } from './nav-items';

/** Header with navigation, language switch and user menu; the page; a footer with the center's contacts. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const narrow = !screens.lg;
  const items = navItems(t, user?.role ?? null);
  const selected = [selectedKey(pathname)];
  useScrollableTablesFocusable();

  return (
    <Layout className="ow-layout">
      <a href="#main" className="ow-skip-link">
        {t('nav.skip')}
      </a>
      <Layout.Header className="ow-header">
        <Flex align="center" gap="small" style={{ height: '100%' }}>
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined aria-hidden />}
              aria-label={t('nav.openMenu')}
              onClick={() => setOpen(true)}
              className="ow-header-button"
            />
          )}
          <Link to="/" className="ow-brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="ow-brand-name">{t('app.name')}</span>
            <span className="ow-brand-center ow-hide-phone">{t('app.center')}</span>
          </Link>
          {!narrow && (
            <Menu
              mode="horizontal"
              theme="dark"
              items={items}
              selectedKeys={selected}
              className="ow-nav"
              aria-label={t('nav.main')}
            />
          )}
          <Flex gap={4} style={{ marginLeft: 'auto' }}>
            <ElderToggle />
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </Flex>
        </Flex>
      </Layout.Header>
      {narrow && (
        <Drawer open={open} onClose={() => setOpen(false)} placement="left" title={t('app.name')} size={280}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected}
            onClick={() => setOpen(false)}
            aria-label={t('nav.main')}
          />
        </Drawer>
      )}
      <Layout.Content id="main" className="ow-content" tabIndex={-1}>
        {children}
      </Layout.Content>
      <Layout.Footer className="ow-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}

/**
 * A table wider than the screen scrolls sideways; keyboard users reach that scrolling only if the
 * scrolling box can take focus (WCAG 2.1.1). antd does not give it a tabindex, so every such box in
 * the page gets one when it appears.
 */
function useScrollableTablesFocusable() {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
        const scrolls = el.scrollWidth > el.clientWidth + 1;
        if (scrolls && el.tabIndex < 0) el.tabIndex = 0;
        if (!scrolls && el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex');
      }
    };
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(mark);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
