import { Fragment, type Key, type ReactNode } from 'react';

interface Props<T> {
  /** the region's accessible name, so people (and tests) can find the list by it */
  label: string;
  dataSource: readonly T[];
  /** one row, usually an antd `List.Item` (styled by .ow-region-list in styles.css) */
  renderItem: (item: T, index: number) => ReactNode;
  rowKey?: (item: T, index: number) => Key;
  size?: 'small' | 'default';
}

/**
 * A named list of rows. antd's List component is deprecated (antd 6.6: it warns on every render),
 * so the rows go into a plain list; the call sites' `List.Item`s keep their markup and look.
 */
export function RegionList<T>({ label, dataSource, renderItem, rowKey, size = 'default' }: Props<T>) {
  return (
    <section aria-label={label}>
      <ul className={`ow-region-list${size === 'small' ? ' ow-region-list-sm' : ''}`}>
        {dataSource.map((item, i) => (
          <Fragment key={rowKey ? rowKey(item, i) : i}>{renderItem(item, i)}</Fragment>
        ))}
      </ul>
    </section>
  );
}
