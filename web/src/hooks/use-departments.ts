import { useMemo } from 'react';
import { catalogueApi } from '../api/catalogue';
import type { Department } from '../api/types';
import { useApi } from './use-api';

/** The departments, with a lookup by id (clocks, signals and orders name only the department id). */
export function useDepartments() {
  const q = useApi('departments', (s) => catalogueApi.departments(s));
  const byId = useMemo(() => new Map((q.data?.items ?? []).map((d) => [d.id, d] as const)), [q.data]);
  const name = (id: string | null | undefined): string => (id ? (byId.get(id)?.shortName ?? id) : '');
  return { ...q, departments: q.data?.items ?? ([] as Department[]), byId, name };
}
