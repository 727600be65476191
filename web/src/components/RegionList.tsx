import { List, type ListProps } from 'antd';

/** An antd List inside a named region, so people (and tests) can find it by its label. */
export function RegionList<T>({ label, ...props }: ListProps<T> & { label: string }) {
  return <section aria-label={label}><List<T> {...props} /></section>;
}
