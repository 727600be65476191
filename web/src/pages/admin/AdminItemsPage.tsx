import { useId, useState } from 'react';
import { Button, Flex, Input, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import type { ItemSummary } from '../../api/types';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

const PAGE_SIZE = 20;

/**
 * The catalogue for administrators: published items by department, and any item (a draft too) opened
 * by its code. The API lists only published items, so a draft is reached by code or from "new item".
 */
export default function AdminItemsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deptId = useId();
  const codeId = useId();
  const [department, setDepartment] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const depts = useDepartments();
  const q = useApi(`admin-items:${department ?? ''}:${page}`, (s) =>
    catalogueApi.items({ department, page, pageSize: PAGE_SIZE }, s),
  );

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('adminItems.title')}
        subtitle={t('adminItems.subtitle')}
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
      <Flex wrap gap="middle">
        <div className="ow-filter">
          <label htmlFor={deptId}>{t('adminItems.department')}</label>
          <Select
            id={deptId}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={department}
            onChange={(d) => {
              setDepartment(d);
              setPage(1);
            }}
            options={depts.departments.map((d) => ({ value: d.code, label: d.shortName }))}
            placeholder={t('common.all')}
            style={{ minWidth: 220 }}
          />
        </div>
        <div className="ow-filter">
          <label htmlFor={codeId}>{t('adminItems.openByCode')}</label>
          <Input.Search
            id={codeId}
            enterButton={t('adminItems.open')}
            onSearch={(v) => v.trim() && navigate(`/admin/items/${encodeURIComponent(v.trim())}`)}
            style={{ minWidth: 320 }}
          />
        </div>
      </Flex>
      <Loadable state={q} isEmpty={(p) => p.total === 0}>
        {(p) => (
          <Table<ItemSummary>
            rowKey="id"
            size="small"
            dataSource={p.items}
            scroll={{ x: true }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: p.total,
              onChange: setPage,
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
              { title: t('adminItems.department'), render: (_, r) => r.department?.shortName ?? '' },
              {
                title: t('adminItems.type'),
                dataIndex: 'type',
                render: (v: string) => enumLabel(t, 'itemType', v),
              },
              { title: t('adminItems.version'), dataIndex: 'versionNo' },
              {
                title: t('common.actions'),
                render: (_, r) => (
                  <Link to={`/items/${encodeURIComponent(r.code)}`}>{t('adminItems.viewPublic')}</Link>
                ),
              },
            ]}
          />
        )}
      </Loadable>
    </Flex>
  );
}
