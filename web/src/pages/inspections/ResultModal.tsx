import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type InspectionView } from '../../api/inspections';
import { todayInBeijing } from '../../format/date';
import { formatFen } from '../../format/money';
import { useApi } from '../../hooks/use-api';
import { FormModal } from '../../components/FormModal';
import { withinStandard, type Severity } from '../../domain/inspection-rules';

const SEVERITIES = ['minor', 'ordinary', 'serious'] as const;
const inDialog = (trigger: HTMLElement) => trigger.parentElement ?? document.body;

interface Values {
  outcome: 'no_problem' | 'rectification' | 'penalty';
  findings: string;
  rectificationDeadline?: dayjs.Dayjs;
  penalty?: {
    violationId?: string;
    severity: Severity;
    warning?: boolean;
    fineYuan?: number;
    reason?: string;
  };
}

/**
 * The result of a visit: no problem, rectification with a deadline after today, or a penalty citing a
 * published violation. The band of the violation's discretion standard for the chosen severity is
 * shown; a penalty outside it (or citing none) needs a reason, and the supervisors are told.
 */
export function ResultModal({
  open,
  inspection,
  onClose,
  onDone,
}: {
  open: boolean;
  inspection: InspectionView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const standards = useApi(open ? `insp-standards:${inspection.departmentId}` : null, (s) =>
    inspectionsApi.standards(inspection.departmentId, s),
  );
  const outcome = Form.useWatch('outcome', form);
  const penalty = Form.useWatch('penalty', form);
  const violation = standards.data?.find((v) => v.id === penalty?.violationId);
  const band = violation?.ranges.find((r) => r.severity === penalty?.severity);
  const fineFen = Math.round((penalty?.fineYuan ?? 0) * 100);
  const outside =
    outcome === 'penalty' &&
    !!penalty?.severity &&
    (!violation ||
      !withinStandard(violation.ranges, { severity: penalty.severity, warning: !!penalty.warning, fineFen }));
  const today = todayInBeijing();
  const required = { required: true, message: t('apply.required') };

  return (
    <FormModal<Values>
      open={open}
      title={t('inspections.resultTitle', { number: inspection.number })}
      form={form}
      width={640}
      fields={['outcome', 'findings', 'rectificationDeadline', 'penalty']}
      initialValues={{ outcome: 'no_problem', penalty: { severity: 'ordinary', warning: false } }}
      onClose={onClose}
      okText={t('inspections.resultOk')}
      onSubmit={async (v) => {
        await inspectionsApi.result(inspection.id, {
          version: inspection.version,
          outcome: v.outcome,
          findings: v.findings.trim(),
          ...(v.outcome === 'rectification' && v.rectificationDeadline
            ? { rectificationDeadline: v.rectificationDeadline.format('YYYY-MM-DD') }
            : {}),
          ...(v.outcome === 'penalty' && v.penalty
            ? {
                penalty: {
                  ...(v.penalty.violationId ? { violationId: v.penalty.violationId } : {}),
                  severity: v.penalty.severity,
                  warning: !!v.penalty.warning,
                  fineFen: Math.round((v.penalty.fineYuan ?? 0) * 100),
                  ...(v.penalty.reason?.trim() ? { reason: v.penalty.reason.trim() } : {}),
                },
              }
            : {}),
        });
        onDone();
      }}
    >
      <Form.Item name="outcome" label={t('inspections.outcomeLabel')} rules={[required]}>
        <Radio.Group
          options={(['no_problem', 'rectification', 'penalty'] as const).map((o) => ({
            value: o,
            label: t(`inspections.outcome.${o}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('inspections.findings')}
        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
      >
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3 }} />
      </Form.Item>
      {outcome === 'rectification' && (
        <Form.Item
          name="rectificationDeadline"
          label={t('inspections.rectificationDeadline')}
          rules={[required]}
        >
          <DatePicker getPopupContainer={inDialog} disabledDate={(d) => d.format('YYYY-MM-DD') <= today} />
        </Form.Item>
      )}
      {outcome === 'penalty' && (
        <>
          <Form.Item
            name={['penalty', 'violationId']}
            label={t('inspections.violation')}
            extra={t('inspections.violationHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              getPopupContainer={inDialog}
              loading={standards.loading}
              options={(standards.data ?? []).map((v) => ({ value: v.id, label: `${v.code} ${v.name}` }))}
            />
          </Form.Item>
          <Form.Item name={['penalty', 'severity']} label={t('inspections.severityLabel')} rules={[required]}>
            <Radio.Group
              options={SEVERITIES.map((s) => ({ value: s, label: t(`inspections.severity.${s}`) }))}
            />
          </Form.Item>
          {violation && (
            <Alert
              type={band ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 16 }}
              title={
                band
                  ? t('inspections.bandShown', {
                      warning: band.warning ? t('inspections.warningAllowed') : t('inspections.noWarning'),
                      from: formatFen(band.fromFen, i18n.language),
                      to: formatFen(band.toFen, i18n.language),
                    })
                  : t('inspections.noBand')
              }
            />
          )}
          <Form.Item name={['penalty', 'warning']} valuePropName="checked">
            <Checkbox>{t('inspections.warning')}</Checkbox>
          </Form.Item>
          <Form.Item name={['penalty', 'fineYuan']} label={t('inspections.fineYuan')}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
          {outside && (
            <Typography.Paragraph type="danger">{t('inspections.outsideStandard')}</Typography.Paragraph>
          )}
          <Form.Item
            name={['penalty', 'reason']}
            label={t('inspections.reason')}
            dependencies={[
              ['penalty', 'fineYuan'],
              ['penalty', 'violationId'],
              ['penalty', 'severity'],
              ['penalty', 'warning'],
            ]}
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  if (outside && !v?.trim()) throw new Error(t('inspections.reasonRequired'));
                },
              },
            ]}
          >
            <Input.TextArea maxLength={2000} autoSize />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
