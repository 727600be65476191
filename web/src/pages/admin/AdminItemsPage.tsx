import { useId, useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { AdminItemRow, AdminItemStatus } from '../../api/admin-types';
import { enumLabel } from '../../domain/enums';
import { formatInstant } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

const PAGE_SIZE = 20;
const STATUSES: AdminItemStatus[] = ['has_draft', 'draft', 'published', 'withdrawn'];
const COLOUR: Record<string, string> = { draft: 'orange', published: 'green', withdrawn: 'red' };

/**
 * The catalogue for the people who maintain it: every item in any state (drafts too), searched by
 * part of its name or code, filtered by state and department, page by page. The filters live in the
 * address, so a search can be bookmarked and the back button returns to it.
 */
export default function AdminItemsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const searchId = useId();
  const statusId = useId();
  const deptId = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') as AdminItemStatus | null) ?? undefined;
  const department = params.get('department') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const [text, setText] = useState(q);
  const depts = useDepartments();

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const list = useApi(`admin-items:${q}:${status ?? ''}:${department ?? ''}:${page}`, (s) =>
    adminApi.items(
      {
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        ...(department ? { departmentId: department } : {}),
        page,
        pageSize: PAGE_SIZE,
      },
      s,
    ),
  );

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('adminItems.title')}
        subtitle={t('ux.items.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate('/admin/items/new')}
          >
            {t('adminItems.new')}
          </Button>
        }
      />
      <Flex wrap gap="middle" role="search" aria-label={t('ux.items.filters')}>
        <div className="ow-filter">
          <label htmlFor={searchId}>{t('ux.items.search')}</label>
          <Input.Search
            id={searchId}
            value={text}
            allowClear
            placeholder={t('ux.items.searchPlaceholder')}
            enterButton={t('ux.items.searchButton')}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value === '') set({ q: undefined });
            }}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ minWidth: 280 }}
          />
        </div>
        <div className="ow-filter">
          <label htmlFor={statusId}>{t('ux.items.status')}</label>
          <Select<AdminItemStatus>
            id={statusId}
            allowClear
            value={status}
            onChange={(v) => set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`ux.items.statusOption.${s}`) }))}
            placeholder={t('common.all')}
            style={{ minWidth: 180 }}
          />
        </div>
        <div className="ow-filter">
          <label htmlFor={deptId}>{t('adminItems.department')}</label>
          <Select
            id={deptId}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={department}
            onChange={(d: string | undefined) => set({ department: d })}
            options={depts.departments.map((d) => ({ value: d.id, label: d.shortName }))}
            placeholder={t('common.all')}
            style={{ minWidth: 220 }}
          />
        </div>
      </Flex>
      <Loadable state={list} isEmpty={(p) => p.total === 0}>
        {(p) => (
          <Table<AdminItemRow>
            rowKey="id"
            size="small"
            dataSource={p.items}
            scroll={{ x: true }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: p.total,
              onChange: (n) => set({ page: n > 1 ? String(n) : undefined }),
              showSizeChanger: false,
              showTotal: (n) => t('common.total', { count: n }),
            }}
            columns={[
              {
                title: t('adminItems.name'),
                dataIndex: 'name',
                render: (n: string, r) => <Link to={`/admin/items/${r.id}`}>{n}</Link>,
              },
              { title: t('adminItems.code'), dataIndex: 'code', className: 'ow-mono' },
              { title: t('adminItems.department'), render: (_, r) => depts.name(r.departmentId) },
              {
                title: t('adminItems.type'),
                dataIndex: 'type',
                render: (v: string) => enumLabel(t, 'itemType', v),
              },
              {
                title: t('ux.items.status'),
                render: (_, r) => (
                  <Flex wrap gap={4}>
                    <Tag color={COLOUR[r.status]}>{enumLabel(t, 'recordStatus', r.status)}</Tag>
                    {r.status !== 'draft' && r.latestVersionStatus === 'draft' ? (
                      <Tag color="orange">{t('ux.items.pendingDraft', { no: r.latestVersionNo })}</Tag>
                    ) : null}
                  </Flex>
                ),
              },
              { title: t('adminItems.version'), dataIndex: 'latestVersionNo' },
              {
                title: t('ux.items.updatedAt'),
                dataIndex: 'updatedAt',
                render: (v: string) => formatInstant(v, i18n.language),
              },
              {
                title: t('common.actions'),
                render: (_, r) =>
                  r.status === 'published' ? (
                    <Link to={`/items/${encodeURIComponent(r.code)}`}>{t('adminItems.viewPublic')}</Link>
                  ) : null,
              },
            ]}
          />
        )}
      </Loadable>
    </Flex>
  );
}
