import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { complaintsApi, fileToBase64, type Submitted, type SubmitComplaintBody } from '../../api/complaints';
import type { FieldError } from '../../api/problem';
import { applyServerErrors } from '../../hooks/server-errors';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-departments';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReportReceipt } from './ReportReceipt';
import { ConcernsFields, ContactFields } from './ReportFields';
import { useCategories } from './use-categories';
import { toSubmitBody, type ReportValues } from './report-body';

const FIELDS = [
  'anonymous',
  'categoryCode',
  'departmentId',
  'concerns',
  'description',
  'location',
  'reporter',
];

/** 举报中心: anyone reports, anonymously or by name, and gets a ticket number and a check code. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const depts = useDepartments();
  const cats = useCategories();
  const [form] = Form.useForm<ReportValues>();
  const anonymous = Form.useWatch('anonymous', form) ?? true;
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  // Staff write down a walk-in or a call; a logged-in applicant reports from the account.
  // A link may name the category (the rating pages: pressure on a rating).
  const [params] = useSearchParams();
  const category = params.get('category');
  // The village disclosure page also names the department, what is missing and where.
  const prefill = {
    ...(params.get('department') ? { departmentId: params.get('department')! } : {}),
    ...(params.get('text') ? { description: params.get('text')! } : {}),
    ...(params.get('place') ? { location: { text: params.get('place')! } } : {}),
  };
  const channel: SubmitComplaintBody['channel'] =
    user?.role === 'complaint_officer' || user?.role === 'clerk'
      ? 'window'
      : user?.role === 'applicant'
        ? 'account'
        : 'portal';

  const submit = async (v: ReportValues) => {
    setBusy(true);
    setError(null);
    try {
      const attachments = await Promise.all(
        files.map(async (f) => ({
          name: f.name,
          contentBase64: await fileToBase64(f.originFileObj as Blob),
        })),
      );
      setSubmitted(await complaintsApi.submit(toSubmitBody(v, channel, attachments)));
    } catch (e) {
      setExtra(applyServerErrors(form, e, FIELDS));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (submitted)
    return (
      <ReportReceipt
        submitted={submitted}
        onAnother={() => {
          setSubmitted(null);
          setFiles([]);
          form.resetFields();
        }}
      />
    );

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('complaints.report.title')} subtitle={t('complaints.report.subtitle')} />
      <Card>
        <Form<ReportValues>
          form={form}
          layout="vertical"
          initialValues={{ anonymous: true, ...(category ? { categoryCode: category } : {}), ...prefill }}
          onFinish={submit}
          style={{ maxWidth: 760 }}
        >
          <Form.Item name="anonymous" label={t('complaints.report.how')}>
            <Radio.Group
              options={[
                { value: true, label: t('complaints.report.anonymous') },
                { value: false, label: t('complaints.report.realName') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="categoryCode"
            label={t('complaints.category')}
            rules={[{ required: true, message: t('form.required', { label: t('complaints.category') }) }]}
          >
            <Select options={cats.options} loading={cats.loading} />
          </Form.Item>
          <Form.Item name="urgent" valuePropName="checked">
            <Checkbox>{t('complaints.report.urgent')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="departmentId"
            label={t('complaints.department')}
            rules={[{ required: true, message: t('form.required', { label: t('complaints.department') }) }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={depts.loading}
              options={depts.departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item
            name="aboutLeadership"
            valuePropName="checked"
            extra={t('complaints.report.leadershipHelp')}
          >
            <Checkbox>{t('complaints.report.aboutLeadership')}</Checkbox>
          </Form.Item>
          <ConcernsFields />
          <Form.Item
            name="description"
            label={t('complaints.description')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('form.required', { label: t('complaints.description') }),
              },
            ]}
          >
            <Input.TextArea rows={6} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item label={t('complaints.attachments')} extra={t('complaints.report.attachmentsHelp')}>
            <Upload
              accept=".pdf,.jpg,.jpeg,.png"
              multiple
              maxCount={5}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button>{t('complaints.report.addFile')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item name={['location', 'text']} label={t('complaints.location')}>
            <Input maxLength={300} />
          </Form.Item>
          <ContactFields anonymous={anonymous} />
          {error ? <ProblemAlert error={error} extra={extra} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
            {t('complaints.report.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
