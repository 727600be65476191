import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import type { FieldError } from '../../api/problem';
import type { Deadline } from '../../api/types';
import { formatDate, isCivilDate, todayInBeijing } from '../../format/date';
import { applyServerErrors } from '../../hooks/server-errors';
import { ProblemAlert } from '../ProblemAlert';
import { Explanation } from './Explanation';

interface Values {
  from: Dayjs | null;
  workdays: number | null;
}

export function DeadlineCalculator() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<Deadline | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const fromParam = params.get('from');
  const initial: Values = {
    from: dayjs(fromParam && isCivilDate(fromParam) ? fromParam : todayInBeijing()),
    workdays: Number(params.get('workdays')) || 20,
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await catalogueApi.deadline(v.from!.format('YYYY-MM-DD'), v.workdays!));
    } catch (e) {
      setResult(null);
      setExtra(applyServerErrors(form, e, ['from', 'workdays'], '/query'));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 className="ow-section-title">{t('calendar.calculator')}</h2>} size="small">
      <Form
        form={form}
        layout="inline"
        initialValues={initial}
        onFinish={submit}
        className="ow-calc-form"
        requiredMark={false}
      >
        <Form.Item
          name="from"
          label={t('calendar.from')}
          rules={[{ required: true, message: t('calendar.fromRequired') }]}
        >
          <DatePicker format="YYYY-MM-DD" allowClear={false} />
        </Form.Item>
        <Form.Item
          name="workdays"
          label={t('calendar.workdays')}
          rules={[
            { required: true, message: t('calendar.workdaysRequired') },
            { type: 'integer', min: 0, max: 3650, message: t('calendar.workdaysRange') },
          ]}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('calendar.calculate')}
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite" className="ow-calc-result">
        {error ? <ProblemAlert error={error} extra={extra} /> : null}
        {result && (
          <>
            <Typography.Title level={3} className="ow-due">
              {t('calendar.due')} <span data-testid="due-date">{result.due}</span>
              <Typography.Text type="secondary" className="ow-due-long">
                {' '}
                {formatDate(result.due, i18n.language)}
              </Typography.Text>
            </Typography.Title>
            {result.provisional && <Alert type="warning" showIcon title={t('calendar.provisional')} />}
            <Explanation reasons={result.explanation} />
          </>
        )}
      </div>
    </Card>
  );
}
