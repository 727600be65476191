import type { MenuProps } from 'antd';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import type { Role } from '../api/types';
import { menuFor, type MenuNode } from './menu-config';

export { selectedKey } from './menu-config';

type Item = Required<MenuProps>['items'][number];

const toItem = (n: MenuNode): Item =>
  n.children
    ? { key: n.key, label: n.label, children: n.children.map(toItem) }
    : { key: n.key, label: <Link to={n.to!}>{n.label}</Link> };

/** The navigation a person sees (web/src/components/menu-config.ts), as antd menu items. */
export function navItems(t: TFunction, role: Role | null): Item[] {
  return menuFor(role, (k) => t(k)).map(toItem);
}
