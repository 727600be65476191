import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ratingsApi, type CampaignView, type Verdict } from '../../api/ratings';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

const VERDICTS: Verdict[] = ['satisfied', 'fairly_satisfied', 'dissatisfied'];

/**
 * The secret ballot: the one-time code printed or sent to a panel member, and a verdict for every
 * department on every dimension. Nothing on this page asks who is voting.
 */
export default function BallotPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useApi(`appraisal:${id}`, (s) => ratingsApi.campaign(id, s));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 960 }}>
      <PageTitle
        title={t('ratings.appraisal.ballot.title')}
        subtitle={t('ratings.appraisal.ballot.subtitle')}
      />
      {done ? (
        <Alert type="success" showIcon title={t('ratings.appraisal.ballot.done')} />
      ) : (
        <Loadable state={q}>
          {(c: CampaignView) => (
            <Form
              layout="vertical"
              onFinish={async (v: Record<string, string>) => {
                setError(null);
                const scores: Record<string, Record<string, Verdict>> = {};
                for (const d of c.departments)
                  scores[d.id] = Object.fromEntries(
                    c.dimensions.map((dim, k) => [dim, v[`${d.id}:${k}`] as Verdict]),
                  );
                try {
                  await ratingsApi.vote(c.id, { code: String(v.code ?? ''), scores });
                  setDone(true);
                } catch (e) {
                  setError(e);
                }
              }}
            >
              <Typography.Title level={4}>{c.title}</Typography.Title>
              <Form.Item
                name="code"
                label={t('ratings.appraisal.ballot.code')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('form.required', { label: t('ratings.appraisal.ballot.code') }),
                  },
                ]}
              >
                <Input maxLength={40} autoComplete="off" style={{ maxWidth: 280 }} />
              </Form.Item>
              {c.departments.map((d) => (
                <Card key={d.id} size="small" title={d.name} style={{ marginBottom: 12 }}>
                  {c.dimensions.map((dim, k) => (
                    <Form.Item
                      key={dim}
                      name={`${d.id}:${k}`}
                      label={dim}
                      rules={[
                        {
                          required: true,
                          message: t('ratings.appraisal.ballot.required', { dimension: dim }),
                        },
                      ]}
                    >
                      <Radio.Group
                        options={VERDICTS.map((x) => ({
                          value: x,
                          label: t(`ratings.appraisal.verdicts.${x}`),
                        }))}
                      />
                    </Form.Item>
                  ))}
                </Card>
              ))}
              <ProblemAlert error={error} />
              <Button type="primary" htmlType="submit" size="large">
                {t('ratings.appraisal.ballot.cast')}
              </Button>
            </Form>
          )}
        </Loadable>
      )}
    </Flex>
  );
}
