import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api/types';
import { useAuth } from '../hooks/use-auth';

/** Shows its children to the given roles; sends others to the login page or says they may not. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { status, hasRole } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Skeleton active />;
  if (status === 'anonymous')
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!hasRole(...roles))
    return (
      <Result
        status="403"
        title={<h1 className="ow-result-title">{t('errors.forbiddenTitle')}</h1>}
        subTitle={t('errors.forbiddenPage')}
      />
    );
  return <>{children}</>;
}
