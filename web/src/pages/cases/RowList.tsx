import type { ReactNode } from 'react';
import { Flex } from 'antd';

const ROW = { padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' };

/** A named list of rows (each row's content on the left, its buttons on the right); antd's List is deprecated. */
export function RowList<T>({
  label,
  items,
  rowKey,
  render,
  actions,
}: {
  label: string;
  items: T[];
  rowKey: (item: T) => string;
  render: (item: T) => ReactNode;
  actions?: (item: T) => ReactNode;
}) {
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={rowKey(item)} style={ROW}>
          <Flex justify="space-between" align="center" gap="small" wrap>
            <div style={{ minWidth: 0, flex: '1 1 240px' }}>{render(item)}</div>
            {actions && (
              <Flex gap="small" wrap>
                {actions(item)}
              </Flex>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}
