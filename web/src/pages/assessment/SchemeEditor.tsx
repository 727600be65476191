import { useEffect, useState } from 'react';
import { Button, Card, Flex, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { assessmentApi, type AssessmentView } from '../../api/assessment';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Props {
  period: string;
  view: AssessmentView;
  onSaved: () => void;
}

/** Administrators: the period's weights, grade thresholds and minimum sample, saved as a new version. */
export function SchemeEditor({ period, view, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [weights, setWeights] = useState<Record<string, number>>(view.scheme.weights);
  const [th, setTh] = useState(view.scheme.thresholds);
  const [minSample, setMinSample] = useState(view.scheme.minSample);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setWeights(view.scheme.weights);
    setTh(view.scheme.thresholds);
    setMinSample(view.scheme.minSample);
  }, [view.scheme]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await assessmentApi.saveScheme({ period, weights, thresholds: th, minSample });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('assessment.scheme.title', { version: view.scheme.version })}>
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('assessment.scheme.hint')}</Typography.Text>
        <Flex wrap gap="middle">
          {view.measures
            .filter((m) => m.weightable)
            .map((m) => (
              <label key={m.code}>
                <Space direction="vertical" size={2}>
                  <span>{en ? m.en : m.zh}</span>
                  <InputNumber
                    aria-label={`${t('assessment.scheme.weight')} ${en ? m.en : m.zh}`}
                    min={0}
                    max={1000}
                    value={weights[m.code] ?? 0}
                    onChange={(v) => setWeights({ ...weights, [m.code]: Number(v ?? 0) })}
                  />
                </Space>
              </label>
            ))}
        </Flex>
        <Flex wrap gap="middle">
          {(['excellent', 'good', 'pass'] as const).map((g) => (
            <label key={g}>
              <Space direction="vertical" size={2}>
                <span>{t('assessment.scheme.threshold', { grade: t(`assessment.grades.${g}`) })}</span>
                <InputNumber
                  min={0}
                  max={100}
                  value={th[g]}
                  onChange={(v) => setTh({ ...th, [g]: Number(v ?? 0) })}
                />
              </Space>
            </label>
          ))}
          <label>
            <Space direction="vertical" size={2}>
              <span>{t('assessment.scheme.minSample')}</span>
              <InputNumber min={0} value={minSample} onChange={(v) => setMinSample(Number(v ?? 0))} />
            </Space>
          </label>
        </Flex>
        <ProblemAlert error={error} />
        <div>
          <Button type="primary" loading={busy} onClick={save}>
            {t('assessment.scheme.save')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
