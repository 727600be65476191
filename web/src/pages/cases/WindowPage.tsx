import { useState } from 'react';
import { Button, Card, Flex, Input, Segmented, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/http';
import { casesApi } from '../../api/cases';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { SearchBox } from '../../components/SearchBox';
import { CaseTable } from './MyCasesPage';
import { CounterFeesPanel } from './CounterFeesPanel';
import { Inquiries } from './Inquiries';
import { RowList } from './RowList';
import { WalkInIntake } from './WalkInIntake';
import { ButtonLink } from '../../components/ButtonLink';

const STATES = ['received', 'awaiting_supplement', 'under_review', 'decided', 'completed'] as const;
/** "Everything open": what still needs the window, in one list, soonest deadline first. */
const OPEN = 'received,awaiting_supplement,under_review,decided';

/** Soonest deadline first (cases with none last), then newest. */
const byDeadline = <T extends { dueDate: string | null; createdAt: string }>(items: T[]) =>
  [...items].sort(
    (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || b.createdAt.localeCompare(a.createdAt),
  );

/**
 * The comprehensive window (综合窗口): walk-in intake, the counter (统一收费) for a case found by its
 * receipt number, the queue by state, and the first-inquiry log. `?intake=item:<id>` (or
 * `bundle:<code>`) opens the intake form; `?fees=<caseId>` opens that case at the counter.
 */
export default function WindowPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const intake = params.get('intake');
  const feesCase = params.get('fees');
  const setParam = (k: string, v: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (v) next.set(k, v);
      else next.delete(k);
      return next;
    });
  const [state, setState] = useState<string>(OPEN);
  const cases = useApi(`window:${state}`, (s) => casesApi.list({ state, pageSize: 100 }, s));
  const counts = cases.data?.counts ?? {};
  const openCount = OPEN.split(',').reduce((n, s) => n + (counts[s] ?? 0), 0);
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('window.title')} subtitle={t('window.subtitle')} />
      {intake ? (
        <Card size="small">
          <WalkInIntake spec={intake} onCancel={() => setParam('intake', null)} />
        </Card>
      ) : (
        <Card size="small" title={<h2 className="ow-section-title">{t('window.intake')}</h2>}>
          <Typography.Paragraph type="secondary">{t('window.intakeHelp')}</Typography.Paragraph>
          <Flex gap="small" wrap>
            <ButtonLink to="/window?intake=bundle:YJS-KCG">{t('window.intakeBundle')}</ButtonLink>
            <ButtonLink to="/bundles" type="link">
              {t('nav.bundles')}
            </ButtonLink>
          </Flex>
          <WalkInSearch />
        </Card>
      )}
      <Counter caseId={feesCase} onPick={(id) => setParam('fees', id)} />
      <Card size="small" title={<h2 className="ow-section-title">{t('window.queue')}</h2>}>
        <Segmented
          className="ow-queue-states"
          value={state}
          onChange={(v) => setState(String(v))}
          options={[
            { value: OPEN, label: `${t('ux.queue.open')} ${openCount}` },
            ...STATES.map((s) => ({ value: s, label: `${t(`enum.caseState.${s}`)} ${counts[s] ?? 0}` })),
          ]}
        />
        <Loadable state={cases} isEmpty={(d) => d.items.length === 0} emptyText={t('window.empty')}>
          {(d) => <CaseTable items={byDeadline(d.items)} deadlines />}
        </Loadable>
      </Card>
      <Inquiries />
    </Flex>
  );
}

/** Find an item to take in at the window; picking it opens the intake form on this page. */
function WalkInSearch() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const res = useApi(q ? `walkin:${q}` : null, (s) =>
    http.get<{ items: { id: string; name: string; department: { shortName?: string } | null }[] }>(
      '/search',
      { q, limit: 10 },
      s,
    ),
  );
  return (
    <Flex vertical gap="small" style={{ marginTop: 12 }}>
      <SearchBox initial="" onSearch={setQ} />
      {q && (
        <Loadable state={res} isEmpty={(d) => d.items.length === 0} emptyText={t('window.walkIn.noItems')}>
          {(d) => (
            <RowList
              label={t('window.walkIn.results')}
              items={d.items}
              rowKey={(i) => i.id}
              render={(i) => (
                <Flex vertical gap={0}>
                  <Link to={`/window?intake=item:${encodeURIComponent(i.id)}`}>{i.name}</Link>
                  <Typography.Text type="secondary" className="ow-small">
                    {i.department?.shortName}
                  </Typography.Text>
                </Flex>
              )}
              actions={(i) => (
                <Link
                  to={`/window?intake=item:${encodeURIComponent(i.id)}`}
                  aria-label={t('window.walkIn.takeIn', { name: i.name })}
                >
                  {t('window.walkIn.take')}
                </Link>
              )}
            />
          )}
        </Loadable>
      )}
    </Flex>
  );
}

/** 柜台收费: find a case by its receipt number (or title), then collect what its forms ask. */
function Counter({ caseId, onPick }: { caseId: string | null; onPick: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useApi(q ? `counter-find:${q}` : null, (s) => casesApi.search(q, s));
  const picked = useApi(caseId ? `counter-case:${caseId}` : null, (s) => casesApi.get(caseId!, s));
  return (
    <Card size="small" title={<h2 className="ow-section-title">{t('window.fees.counter')}</h2>}>
      <Flex vertical gap="small">
        <label htmlFor="counter-find" className="ow-search-label">
          {t('window.fees.find')}
        </label>
        <Input.Search
          id="counter-find"
          allowClear
          enterButton={t('window.fees.findButton')}
          placeholder={t('window.fees.findPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            if (!v.trim()) onPick(null);
          }}
          style={{ maxWidth: 480 }}
        />
        {q && !caseId && (
          <Loadable
            state={found}
            rows={2}
            isEmpty={(d) => d.items.length === 0}
            emptyText={t('window.fees.notFound')}
          >
            {(d) => (
              <RowList
                label={t('window.fees.found')}
                items={d.items}
                rowKey={(c) => c.id}
                render={(c) => (
                  <Flex vertical gap={0}>
                    <Typography.Text strong>
                      {c.receiptNo} {c.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" className="ow-small">
                      {c.applicantName} · {enumLabel(t, 'caseState', c.state)}
                    </Typography.Text>
                  </Flex>
                )}
                actions={(c) => (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => onPick(c.id)}
                    aria-label={t('window.fees.openFor', { no: c.receiptNo ?? '' })}
                  >
                    {t('window.fees.open')}
                  </Button>
                )}
              />
            )}
          </Loadable>
        )}
        {caseId && (
          <Flex vertical gap="small">
            <Loadable state={picked} rows={1}>
              {(c) => (
                <Flex gap="small" wrap align="center">
                  <Link to={`/cases/${c.id}`}>
                    {c.receiptNo} {c.title}
                  </Link>
                  <Typography.Text type="secondary">
                    {c.applicant?.name} · {enumLabel(t, 'caseState', c.state)}
                  </Typography.Text>
                  <Button size="small" type="link" onClick={() => onPick(null)}>
                    {t('window.fees.another')}
                  </Button>
                </Flex>
              )}
            </Loadable>
            <CounterFeesPanel caseId={caseId} />
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
