import { useState } from 'react';
import { Button, Form, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DueDaysField } from './DueDaysField';
import { disclosureApi, type CadenceBody, type VillageView } from '../../api/disclosure';
import type { FieldError } from '../../api/problem';
import { applyServerErrors } from '../../hooks/server-errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { periodLabel } from './period-label';
import { periodsFrom, type Cadence } from './village-admin';

const FIELDS = ['cadence', 'dueDays', 'fromPeriod'];
type Values = { cadence: Cadence; dueDays: number; fromPeriod?: string };

/**
 * Changes a village's cadence and due days in two steps: the change, then what it changes, to
 * confirm. The server decides from which period it may apply (by default the earliest); a refusal
 * takes the form back with the message at its field and the values kept.
 */
export function ChangeCadenceModal({
  village,
  open,
  onClose,
  onDone,
}: {
  village: VillageView;
  open: boolean;
  onClose: () => void;
  onDone: (v: VillageView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [values, setValues] = useState<Values | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const cadence = (Form.useWatch('cadence', form) ?? village.cadence) as Cadence;
  const name = `${village.township}${village.name}`;
  const label = (k: string) => t(`villageAdmin.${k}`);

  const next = async () => {
    try {
      setValues(await form.validateFields());
      setError(null);
      setStep('confirm');
    } catch {
      // the fields say what is wrong
    }
  };
  const save = async () => {
    if (!values) return;
    setBusy(true);
    try {
      const body: CadenceBody = {
        version: village.version,
        cadence: values.cadence,
        dueDays: values.dueDays,
      };
      if (values.fromPeriod) body.fromPeriod = values.fromPeriod;
      onDone(await disclosureApi.changeCadence(village.id, body));
    } catch (e) {
      setStep('edit');
      setError(e);
      setExtra(applyServerErrors(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const footer =
    step === 'edit'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="next" type="primary" onClick={() => void next()}>
            {label('next')}
          </Button>,
        ]
      : [
          <Button key="back" onClick={() => setStep('edit')}>
            {label('back')}
          </Button>,
          <Button key="ok" type="primary" loading={busy} onClick={() => void save()}>
            {label('confirmOk')}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={step === 'edit' ? t('villageAdmin.changeTitle', { village: name }) : label('confirmTitle')}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      afterClose={() => {
        setStep('edit');
        setError(null);
        setExtra([]);
      }}
    >
      {/* Kept mounted while confirming, so going back finds every value as it was. */}
      <Form
        form={form}
        layout="vertical"
        style={step === 'edit' ? undefined : { display: 'none' }}
        initialValues={{ cadence: village.cadence, dueDays: village.dueDays, fromPeriod: '' }}
        onFinish={() => void next()}
      >
        <Form.Item name="cadence" label={label('cadence')}>
          <Radio.Group
            options={(['quarterly', 'monthly'] as const).map((c) => ({
              value: c,
              label: t(`disclosure.cadence.${c}`),
            }))}
            onChange={() => form.setFieldValue('fromPeriod', '')}
          />
        </Form.Item>
        <DueDaysField />
        <Form.Item name="fromPeriod" label={label('fromPeriod')} extra={label('fromHint')}>
          <Select
            options={[
              { value: '', label: label('fromEarliest') },
              ...periodsFrom(cadence, village.today, 8).map((p) => ({ value: p, label: periodLabel(t, p) })),
            ]}
          />
        </Form.Item>
      </Form>
      {step === 'confirm' && values && (
        <Typography.Paragraph>
          {t('villageAdmin.confirmText', {
            village: name,
            before: t(`disclosure.cadence.${village.cadence}`),
            beforeDays: village.dueDays,
            after: t(`disclosure.cadence.${values.cadence}`),
            afterDays: values.dueDays,
            from: values.fromPeriod
              ? t('villageAdmin.confirmFrom', { period: periodLabel(t, values.fromPeriod) })
              : label('confirmEarliest'),
          })}
          <br />
          {label('confirmKeep')}
        </Typography.Paragraph>
      )}
      {error && step === 'edit' ? <ProblemAlert error={error} extra={extra} /> : null}
    </Modal>
  );
}
