import type { ReactNode } from 'react';
import { Button, Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiState } from '../hooks/use-api';
import { ProblemAlert } from './ProblemAlert';

interface Props<T> {
  state: ApiState<T>;
  children: (data: T) => ReactNode;
  /** When the loaded data counts as empty; then `emptyText` is shown instead of children. */
  isEmpty?: (data: T) => boolean;
  emptyText?: ReactNode;
  rows?: number;
}

/** The loading, error and empty states every data view needs, in one place. */
export function Loadable<T>({ state, children, isEmpty, emptyText, rows = 4 }: Props<T>) {
  const { t } = useTranslation();
  if (state.error) {
    return (
      <Flex vertical gap="small" align="start">
        <ProblemAlert error={state.error} />
        <Button onClick={state.reload}>{t('common.retry')}</Button>
      </Flex>
    );
  }
  if (state.data === undefined) {
    return <Skeleton active paragraph={{ rows }} aria-busy="true" aria-label={t('common.loading')} />;
  }
  if (isEmpty?.(state.data)) return <Empty description={emptyText ?? t('common.empty')} />;
  return <>{children(state.data)}</>;
}
