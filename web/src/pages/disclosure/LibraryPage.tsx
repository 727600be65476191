import { Card, Flex, Input, Pagination, Select, Typography } from 'antd';
import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { StandingTag } from './StandingTag';

const STATUSES = ['valid', 'amended', 'repealed'] as const;
const PAGE_SIZE = 20;

/**
 * 规范性文件库: newest first, or searched by plain words; each says how it stands today. The
 * search, the state and the page live in the address; a new search or state starts at page 1.
 */
export default function LibraryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Math.floor(Number(params.get('page') ?? '1')) || 1);
  const docs = useApi(`disclosure-docs?${q}&${status}&${page}`, (s) =>
    disclosureApi.documents(
      {
        ...(q ? { q } : {}),
        ...(status ? { status } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      },
      s,
    ),
  );
  // A new page starts at the top of the list, not where the pager was.
  const listTop = useRef<HTMLDivElement>(null);
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    // A new page is a step the back button returns from; a new search replaces the address.
    setParams(next, { replace: k !== 'page' });
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('disclosure.library.title')} subtitle={t('disclosure.library.subtitle')} />
      <Card size="small">
        <Flex gap="small" wrap>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('disclosure.library.placeholder')}
            aria-label={t('disclosure.library.search')}
            enterButton={t('disclosure.library.search')}
            onSearch={(v) => set('q', v.trim())}
            style={{ flex: '1 1 280px' }}
          />
          <Select
            aria-label={t('disclosure.library.status')}
            value={status}
            onChange={(v) => set('status', v)}
            style={{ minWidth: 160 }}
            options={[
              { value: '', label: t('disclosure.library.allStatuses') },
              ...STATUSES.map((s) => ({ value: s, label: t(`disclosure.status.${s}`) })),
            ]}
          />
        </Flex>
      </Card>
      <Card size="small" ref={listTop}>
        <Loadable state={docs} isEmpty={(d) => d.total === 0} emptyText={t('disclosure.library.none')}>
          {(d) => (
            <Flex vertical gap="middle">
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {d.items.map((doc) => (
                  <li
                    key={doc.id}
                    style={{ padding: '12px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
                  >
                    <Flex vertical gap={2}>
                      <Flex wrap gap="small" align="center">
                        <Link to={`/disclosure/documents/${doc.id}`}>
                          <Typography.Text strong>{doc.title}</Typography.Text>
                        </Link>
                        <StandingTag standing={doc.standing} />
                      </Flex>
                      <Typography.Text type="secondary" className="ow-small">
                        {doc.docNo} · {doc.issuer} · {t('disclosure.doc.issuedOn')} {doc.issuedOn}
                        {doc.expiresOn ? ` · ${t('disclosure.doc.expiresOn')} ${doc.expiresOn}` : ''}
                      </Typography.Text>
                    </Flex>
                  </li>
                ))}
              </ul>
              <Pagination
                align="center"
                current={page}
                pageSize={PAGE_SIZE}
                total={d.total}
                onChange={(n) => {
                  set('page', n > 1 ? String(n) : '');
                  listTop.current?.scrollIntoView?.({ block: 'start' });
                }}
                showSizeChanger={false}
                hideOnSinglePage
                showTotal={(n) => t('common.total', { count: n })}
              />
            </Flex>
          )}
        </Loadable>
      </Card>
    </Flex>
  );
}
