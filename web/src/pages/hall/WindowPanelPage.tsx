import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi, type Panel } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { inLang } from './group-name';

/** 窗口叫号: sit at a window, call the next number, recall, mark absent, transfer, and finish it with its case. */
export default function WindowPanelPage() {
  const { t } = useTranslation();
  const q = useApi('hall-panel', (s) => hallApi.panel(s));
  const [error, setError] = useState<Error | null>(null);
  const act = (p: Promise<unknown>) =>
    p.then(
      () => {
        setError(null);
        q.reload();
      },
      (e: Error) => setError(e),
    );
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('hall.panel.title')} subtitle={t('hall.panel.subtitle')} />
      {error && <ProblemAlert error={error} />}
      <Loadable state={q}>{(p) => <PanelBody p={p} act={act} />}</Loadable>
    </Flex>
  );
}

function PanelBody({ p, act }: { p: Panel; act: (x: Promise<unknown>) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [to, setTo] = useState<string>();
  const [receiptNo, setReceiptNo] = useState('');
  const name = (zh: string, en: string) => inLang(i18n.language, zh, en);
  if (!p.window)
    return (
      <Card size="small" title={<h2 className="ow-section-title">{t('hall.panel.choose')}</h2>}>
        <Flex gap="small" wrap>
          {p.windows.map((w) => (
            <Button key={w.id} disabled={w.staffed} onClick={() => void act(hallApi.sit(w.id))}>
              {name(w.name, w.nameEn)}
            </Button>
          ))}
        </Flex>
      </Card>
    );
  const w = p.window;
  const c = p.current;
  return (
    <Flex vertical gap="middle">
      <Card
        size="small"
        title={<h2 className="ow-section-title">{name(w.name, w.nameEn)}</h2>}
        extra={
          <Button size="small" disabled={!!c} onClick={() => void act(hallApi.sit(w.id, true))}>
            {t('hall.panel.leave')}
          </Button>
        }
      >
        {c ? (
          <Flex vertical gap="small">
            <Typography.Title level={1} style={{ margin: 0 }} data-testid="current-number">
              {c.number}
            </Typography.Title>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'calls', label: t('hall.panel.calls'), children: c.callCount },
                {
                  key: 'wait',
                  label: t('hall.panel.waited'),
                  children: t('hall.panel.seconds', { n: c.waitSeconds ?? 0 }),
                },
                ...(c.priorityReason
                  ? [
                      {
                        key: 'p',
                        label: t('hall.kiosk.priority'),
                        children: t(`hall.priority.${c.priorityReason}`),
                      },
                    ]
                  : []),
              ]}
            />
            <Flex gap="small" wrap>
              <Button onClick={() => void act(hallApi.recall())}>{t('hall.panel.recall')}</Button>
              <Button danger onClick={() => void act(hallApi.absent())}>
                {t('hall.panel.absent')}
              </Button>
              <Space.Compact>
                <Select
                  style={{ width: 200 }}
                  aria-label={t('hall.panel.transferTo')}
                  placeholder={t('hall.panel.transferTo')}
                  value={to}
                  onChange={setTo}
                  options={p.groups
                    .filter((g) => g.id !== c.groupId)
                    .map((g) => ({ value: g.id, label: `${g.code} ${name(g.name, g.nameEn)}` }))}
                />
                <Button disabled={!to} onClick={() => to && void act(hallApi.transfer(to))}>
                  {t('hall.panel.transfer')}
                </Button>
              </Space.Compact>
            </Flex>
            <Space.Compact>
              <Input
                style={{ width: 260 }}
                aria-label={t('hall.panel.receiptNo')}
                placeholder={t('hall.panel.receiptNo')}
                value={receiptNo}
                onChange={(e) => setReceiptNo(e.target.value)}
              />
              <Button
                type="primary"
                onClick={() => {
                  void act(hallApi.finish(receiptNo.trim() ? { receiptNo: receiptNo.trim() } : {}));
                  setReceiptNo('');
                }}
              >
                {t('hall.panel.finish')}
              </Button>
            </Space.Compact>
            <Typography.Text type="secondary">{t('hall.panel.finishHint')}</Typography.Text>
          </Flex>
        ) : (
          <Button type="primary" size="large" onClick={() => void act(hallApi.callNext())}>
            {t('hall.panel.callNext')}
          </Button>
        )}
      </Card>
      <Card size="small" title={<h2 className="ow-section-title">{t('hall.panel.next')}</h2>}>
        <List
          dataSource={p.next}
          locale={{ emptyText: t('hall.panel.nobody') }}
          renderItem={(n) => (
            <List.Item>
              <Typography.Text strong>{n.number}</Typography.Text>
              {n.priorityReason && <Tag>{t(`hall.priority.${n.priorityReason}`)}</Tag>}
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
