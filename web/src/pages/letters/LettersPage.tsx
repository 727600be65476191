import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Select } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lettersApi, type LetterQuery } from '../../api/letters';
import { enumOptions } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { LetterTable } from './LetterTable';
import { RegisterLetterModal } from './RegisterLetterModal';

const PAGE_SIZE = 20;

/** 来函登记簿: every letter, filtered by state, kind, department and being overdue; the registry registers here. */
export default function LettersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const depts = useDepartments();
  const [params, setParams] = useSearchParams();
  const [registering, setRegistering] = useState(false);
  const query: LetterQuery = {
    state: params.get('state') ?? undefined,
    kind: params.get('kind') ?? undefined,
    department: params.get('department') ?? undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    q: params.get('q') ?? undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const q = useApi(`letters:${JSON.stringify(query)}`, (s) => lettersApi.list(query, s));
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      if (value) prev.set(key, value);
      else prev.delete(key);
      prev.delete('page');
      return prev;
    });
  const ownDepartmentOnly = user?.role === 'reviewer' || user?.role === 'head';

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('letters.title')}
        subtitle={t('letters.subtitle')}
        extra={
          user?.role === 'clerk' && (
            <Button type="primary" onClick={() => setRegistering(true)}>
              {t('letters.register')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex gap="small" wrap align="center">
          <Select
            aria-label={t('common.status')}
            allowClear
            placeholder={t('common.status')}
            value={query.state}
            style={{ width: 140 }}
            options={enumOptions(t, 'letterState')}
            onChange={(v?: string) => set('state', v)}
          />
          <Select
            aria-label={t('letters.kind')}
            allowClear
            placeholder={t('letters.kind')}
            value={query.kind}
            style={{ width: 200 }}
            options={enumOptions(t, 'letterKind')}
            onChange={(v?: string) => set('kind', v)}
          />
          {!ownDepartmentOnly && (
            <Select
              aria-label={t('letters.department')}
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('letters.department')}
              value={query.department}
              style={{ width: 220 }}
              options={depts.departments.map((d) => ({ value: d.id, label: d.shortName }))}
              onChange={(v?: string) => set('department', v)}
            />
          )}
          <Checkbox
            checked={query.overdue === true}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : undefined)}
          >
            {t('letters.overdueOnly')}
          </Checkbox>
          <Input.Search
            aria-label={t('letters.search')}
            placeholder={t('letters.search')}
            defaultValue={query.q}
            allowClear
            style={{ width: 240 }}
            onSearch={(v) => set('q', v.trim() || undefined)}
          />
        </Flex>
      </Card>
      <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t('letters.none')}>
        {(p) => (
          <LetterTable
            items={p.items}
            pagination={{
              current: query.page,
              pageSize: PAGE_SIZE,
              total: p.total,
              showSizeChanger: false,
              onChange: (n) =>
                setParams((prev) => {
                  prev.set('page', String(n));
                  return prev;
                }),
            }}
          />
        )}
      </Loadable>
      <RegisterLetterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(l) => navigate(`/letters/${l.id}`)}
      />
    </Flex>
  );
}
