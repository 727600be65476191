import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Radio, Rate, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ratingsApi, type IndicatorInfo, type Recorded } from '../../api/ratings';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { ProblemAlert } from '../../components/ProblemAlert';

export interface RatingValues {
  level: number;
  indicators: Record<string, number>;
  comment?: string;
}

interface Props {
  set: 'online' | 'on_site';
  /** Fields before the levels (the check code, the ticket number). */
  children?: ReactNode;
  submit: (values: RatingValues & Record<string, unknown>) => Promise<Recorded>;
  onDone?: () => void;
}

/** The five levels and the channel's national indicators, then the comment; voluntary, said so. */
export function RatingForm({ set, children, submit, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const info = useApi('rating-indicators', (s) => ratingsApi.indicators(s));
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Recorded | null>(null);
  const name = (x: { zh: string; en: string }) => (i18n.language === 'en' ? x.en : x.zh);
  if (done)
    return (
      <Alert
        type="success"
        showIcon
        title={t('ratings.thanks')}
        description={done.rectificationId ? t('ratings.badFollowUp') : undefined}
        action={
          onDone && (
            <Button
              onClick={() => {
                setDone(null);
                form.resetFields();
                onDone();
              }}
            >
              {t('ratings.next')}
            </Button>
          )
        }
      />
    );
  return (
    <Loadable state={info}>
      {(i: IndicatorInfo) => (
        <Card>
          <Typography.Paragraph type="secondary">
            {t('ratings.voluntary')}{' '}
            <Link to="/complaints/report?category=rating_pressure">{t('ratings.reportPressure')}</Link>
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={async (v: Record<string, unknown>) => {
              setError(null);
              const indicators: Record<string, number> = {};
              for (const ind of i.sets[set] ?? [])
                if (
                  ind.code !== 'overall' &&
                  typeof v[`ind_${ind.code}`] === 'number' &&
                  (v[`ind_${ind.code}`] as number) > 0
                )
                  indicators[ind.code] = v[`ind_${ind.code}`] as number;
              try {
                const rest = Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('ind_')));
                setDone(
                  await submit({
                    ...rest,
                    level: v.level as number,
                    indicators,
                    comment: (v.comment as string | undefined)?.trim() || undefined,
                  }),
                );
              } catch (e) {
                setError(e);
              }
            }}
          >
            {children}
            <Form.Item
              name="level"
              label={t('ratings.level')}
              rules={[{ required: true, message: t('form.required', { label: t('ratings.level') }) }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={i.levels.map((l) => ({ value: l.level, label: name(l) }))}
              />
            </Form.Item>
            {(i.sets[set] ?? [])
              .filter((ind) => ind.code !== 'overall')
              .map((ind) => (
                <Form.Item key={ind.code} name={`ind_${ind.code}`} label={name(ind)}>
                  <Rate aria-label={name(ind)} />
                </Form.Item>
              ))}
            <Form.Item name="comment" label={t('ratings.comment')}>
              <Input.TextArea maxLength={1000} rows={3} />
            </Form.Item>
            <Flex vertical gap="small">
              <ProblemAlert error={error} />
              <Button type="primary" htmlType="submit" size="large">
                {t('ratings.submit')}
              </Button>
            </Flex>
          </Form>
        </Card>
      )}
    </Loadable>
  );
}
