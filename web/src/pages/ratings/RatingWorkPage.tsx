import { useState } from 'react';
import { Button, Flex, Space, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ratingsApi, type AppealView, type RatingView, type RectificationView } from '../../api/ratings';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { TextPrompt, type Prompt } from './TextPrompt';
import { PhoneRatingForm } from './PhoneRatingForm';

const COLOURS: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };

/**
 * The staff's side of ratings: a department's rectifications (acknowledge, answer, rectify), the
 * call-backs to real-name bad raters (supervisors, reporting center), appeals (the head files, the
 * supervisors decide), and ratings by phone. The rated department never sees who rated.
 */
export default function RatingWorkPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const role = user?.role;
  const calls = role === 'supervisor' || role === 'complaint_officer';
  const ofDepartment = role === 'reviewer' || role === 'head';
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const rects = useApi('rating-rects', (s) => ratingsApi.rectifications({}, s));
  const pending = useApi(calls ? 'rating-callbacks' : null, (s) =>
    ratingsApi.rectifications({ callbackPending: true }, s),
  );
  const bad = useApi('rating-bad', (s) => ratingsApi.ratings({ bad: true }, s));
  const appeals = useApi('rating-appeals', (s) => ratingsApi.appeals(s));
  const reload = () => [rects, pending, bad, appeals].forEach((q) => q.reload());
  const step = (x: RectificationView, path: string, extra: Record<string, unknown> = {}) =>
    ratingsApi.step(x.id, path, { version: x.version, ...extra });

  const ratingCols = [
    {
      title: t('ratings.department'),
      render: (_: unknown, r: { rating: RatingView } | RatingView) =>
        ('rating' in r ? r.rating : r).department.name,
    },
    {
      title: t('ratings.channel'),
      render: (_: unknown, r: { rating: RatingView } | RatingView) =>
        t(`ratings.channels.${('rating' in r ? r.rating : r).channel}`),
    },
    {
      title: t('ratings.level'),
      render: (_: unknown, r: { rating: RatingView } | RatingView) => ('rating' in r ? r.rating : r).level,
    },
    {
      title: t('ratings.comment'),
      render: (_: unknown, r: { rating: RatingView } | RatingView) =>
        ('rating' in r ? r.rating : r).comment ?? '',
    },
  ];
  const rectTable = (list: RectificationView[]) => (
    <Table<RectificationView>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={list}
      columns={[
        ...ratingCols,
        {
          title: t('ratings.work.state'),
          dataIndex: 'state',
          render: (s: string) => t(`ratings.work.states.${s}`),
        },
        {
          title: t('ratings.work.due'),
          render: (_, x) =>
            (['acknowledge', 'answer', 'rectify'] as const).map((k) => {
              const c = x.clocks[k];
              return c ? (
                <Tag key={k} color={COLOURS[c.colour]}>
                  {t(`ratings.work.clock.${k}`)} {c.dueDate}
                </Tag>
              ) : null;
            }),
        },
        {
          title: t('ratings.work.callback'),
          render: (_, x) =>
            !x.callback.required
              ? t('ratings.work.anonymous')
              : x.callback.done
                ? (x.callback.result ?? t('ratings.work.called'))
                : t('ratings.work.toCall'),
        },
        {
          title: '',
          render: (_, x) => (
            <Space wrap>
              {ofDepartment && x.state === 'open' && (
                <Button size="small" onClick={() => void step(x, 'acknowledge').then(reload)}>
                  {t('ratings.work.acknowledge')}
                </Button>
              )}
              {ofDepartment && x.state === 'acknowledged' && (
                <Button
                  size="small"
                  onClick={() =>
                    setPrompt({
                      title: t('ratings.work.answer'),
                      field: 'answer',
                      label: t('ratings.work.answerText'),
                      run: (v) => step(x, 'answer', v),
                    })
                  }
                >
                  {t('ratings.work.answer')}
                </Button>
              )}
              {ofDepartment && x.state === 'answered' && (
                <Button
                  size="small"
                  onClick={() =>
                    setPrompt({
                      title: t('ratings.work.rectify'),
                      field: 'measures',
                      label: t('ratings.work.measures'),
                      run: (v) => step(x, 'rectify', v),
                    })
                  }
                >
                  {t('ratings.work.rectify')}
                </Button>
              )}
              {calls && x.callback.required && x.state !== 'excluded' && (
                <Button
                  size="small"
                  onClick={() =>
                    setPrompt({
                      title: t('ratings.work.recordCall'),
                      field: 'result',
                      label: t('ratings.work.callResult'),
                      flag: { field: 'reached', label: t('ratings.work.reached') },
                      run: (v) => step(x, 'callback', { reached: Boolean(v.reached), result: v.result }),
                    })
                  }
                >
                  {t('ratings.work.recordCall')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
  const items = [
    {
      key: 'rects',
      label: t('ratings.work.rectifications'),
      children: <Loadable state={rects}>{(p) => rectTable(p.items)}</Loadable>,
    },
    ...(calls
      ? [
          {
            key: 'calls',
            label: t('ratings.work.callbacks'),
            children: <Loadable state={pending}>{(p) => rectTable(p.items)}</Loadable>,
          },
        ]
      : []),
    {
      key: 'bad',
      label: t('ratings.work.badRatings'),
      children: (
        <Loadable state={bad}>
          {(p) => (
            <Table<RatingView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.items}
              columns={[
                ...ratingCols,
                { title: t('ratings.ratedAt'), dataIndex: 'ratedAt', render: (d: string) => d.slice(0, 10) },
                {
                  title: t('ratings.work.rater'),
                  render: (_, r) =>
                    r.rater ? `${r.rater.name ?? ''} ${r.rater.phone ?? ''}` : t('ratings.work.hidden'),
                },
                {
                  title: '',
                  render: (_, r) =>
                    role === 'head' && r.state === 'counted' ? (
                      <Button
                        size="small"
                        onClick={() =>
                          setPrompt({
                            title: t('ratings.work.appeal'),
                            field: 'reason',
                            label: t('ratings.work.appealReason'),
                            flag: { field: 'malicious', label: t('ratings.work.malicious') },
                            run: (v) =>
                              ratingsApi.appeal(r.id, {
                                grounds: v.malicious ? 'malicious' : 'mistaken',
                                reason: String(v.reason),
                              }),
                          })
                        }
                      >
                        {t('ratings.work.appeal')}
                      </Button>
                    ) : r.state === 'excluded' ? (
                      <Tag>{t('ratings.work.excluded')}</Tag>
                    ) : null,
                },
              ]}
            />
          )}
        </Loadable>
      ),
    },
    {
      key: 'appeals',
      label: t('ratings.work.appeals'),
      children: (
        <Loadable state={appeals}>
          {(p) => (
            <Table<AppealView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={p.items}
              columns={[
                ...ratingCols,
                { title: t('ratings.work.appealReason'), dataIndex: 'reason' },
                {
                  title: t('ratings.work.state'),
                  dataIndex: 'state',
                  render: (s: string) => t(`ratings.work.appealStates.${s}`),
                },
                { title: t('ratings.work.decisionReason'), dataIndex: 'decisionReason' },
                {
                  title: '',
                  render: (_, a) =>
                    role === 'supervisor' && a.state === 'pending' ? (
                      <Button
                        size="small"
                        onClick={() =>
                          setPrompt({
                            title: t('ratings.work.decide'),
                            field: 'reason',
                            label: t('ratings.work.decisionReason'),
                            flag: { field: 'exclude', label: t('ratings.work.exclude') },
                            run: (v) =>
                              ratingsApi.decide(a.id, {
                                version: a.version,
                                exclude: Boolean(v.exclude),
                                reason: String(v.reason),
                              }),
                          })
                        }
                      >
                        {t('ratings.work.decide')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Loadable>
      ),
    },
    ...(calls ? [{ key: 'phone', label: t('ratings.work.phone'), children: <PhoneRatingForm /> }] : []),
  ];
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('ratings.work.title')} subtitle={t('ratings.work.subtitle')} />
      <Tabs items={items} />
      <TextPrompt
        prompt={prompt}
        onClose={(changed) => {
          setPrompt(null);
          if (changed) reload();
        }}
      />
    </Flex>
  );
}
