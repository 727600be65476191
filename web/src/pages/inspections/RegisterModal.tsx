import { useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, List, Modal, Select, Switch } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type Registered } from '../../api/inspections';
import { checkCreditCode, type IdCheckFailure } from '../../domain/id-checks';
import { todayInBeijing } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { FormModal } from '../../components/FormModal';

const inDialog = (trigger: HTMLElement) => trigger.parentElement ?? document.body;
const CREDIT_TEXT: Record<IdCheckFailure, string> = {
  format: 'register.creditFormat',
  birth_date: 'register.creditFormat',
  check_char: 'register.creditCheckChar',
};

interface Values {
  creditCode: string;
  enterpriseName: string;
  itemIds: string[];
  inspectorIds: string[];
  plannedDate: dayjs.Dayjs;
  maxMinutes: number;
  notice: boolean;
}

/**
 * Registering an inspection before it starts: the enterprise by its credit code (checked here as the
 * server checks it), items from the department's published list, at least two inspectors whose
 * certificates are valid on the day, a day from today on, the maximum length. The server's
 * refusals name their rule next to the field that broke it; a joint visit it proposes is offered after.
 */
export function RegisterModal({
  open,
  departmentId,
  onClose,
  onRegistered,
}: {
  open: boolean;
  departmentId: string;
  onClose: () => void;
  onRegistered: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  const today = todayInBeijing();
  const items = useApi(open ? `insp-items:${departmentId}` : null, (s) =>
    inspectionsApi.items(departmentId, s),
  );
  const inspectors = useApi(open ? `insp-inspectors:${departmentId}` : null, (s) =>
    inspectionsApi.inspectors(departmentId, s),
  );
  const chosenItems = Form.useWatch('itemIds', form);
  const planned = Form.useWatch('plannedDate', form);
  const day = planned?.format('YYYY-MM-DD');
  const noticeAllowed = useMemo(
    () =>
      (chosenItems ?? []).length > 0 &&
      (chosenItems ?? []).every((id) => items.data?.find((i) => i.id === id)?.noticeAllowed),
    [chosenItems, items.data],
  );
  /** The server refuses a day already past; a visit is registered for today at the earliest. */
  const allowed = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') >= today;
  const required = { required: true, message: t('apply.required') };

  return (
    <>
      <FormModal<Values>
        open={open}
        title={t('inspections.register')}
        form={form}
        width={640}
        fields={[
          'creditCode',
          'enterpriseName',
          'itemIds',
          'inspectorIds',
          'plannedDate',
          'maxMinutes',
          'notice',
        ]}
        initialValues={{ maxMinutes: 120, notice: false, inspectorIds: [], itemIds: [] }}
        onClose={onClose}
        okText={t('inspections.registerOk')}
        onSubmit={async (v) => {
          const r = await inspectionsApi.register({
            departmentId,
            creditCode: v.creditCode.trim().toUpperCase(),
            enterpriseName: v.enterpriseName.trim(),
            itemIds: v.itemIds,
            inspectorIds: v.inspectorIds,
            plannedDate: v.plannedDate.format('YYYY-MM-DD'),
            maxMinutes: v.maxMinutes,
            notice: noticeAllowed && v.notice,
          });
          setRegistered(r);
          onRegistered();
        }}
      >
        <Form.Item
          name="creditCode"
          label={t('inspections.creditCode')}
          rules={[
            { required: true, whitespace: true, message: t('apply.required') },
            {
              validator: async (_, value: string | undefined) => {
                const why = value?.trim() ? checkCreditCode(value.trim().toUpperCase()) : null;
                if (why) throw new Error(t(CREDIT_TEXT[why]));
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="enterpriseName"
          label={t('inspections.enterpriseName')}
          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="itemIds" label={t('inspections.items')} rules={[required]}>
          <Select
            mode="multiple"
            getPopupContainer={inDialog}
            loading={items.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(items.data ?? []).map((i) => ({
              value: i.id,
              label: `${i.code} ${i.name}（v${i.versionNo}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="inspectorIds"
          label={t('inspections.inspectors')}
          extra={t('inspections.inspectorsHint')}
          dependencies={['plannedDate']}
          rules={[
            {
              validator: async (_, ids: string[] | undefined) => {
                if (new Set(ids ?? []).size < 2) throw new Error(t('inspections.twoInspectors'));
                const lapsed = (inspectors.data ?? []).filter(
                  (p) => ids?.includes(p.id) && day && (day < p.validFrom || day > p.validTo),
                );
                if (lapsed.length)
                  throw new Error(
                    t('inspections.certificateLapsed', { names: lapsed.map((p) => p.name).join('、') }),
                  );
              },
            },
          ]}
        >
          <Select
            mode="multiple"
            getPopupContainer={inDialog}
            loading={inspectors.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(inspectors.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} ${p.certificateNo}`,
              disabled: !p.valid,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="plannedDate"
          label={t('inspections.plannedDate')}
          extra={t('inspections.plannedDateHint')}
          rules={[
            required,
            {
              validator: async (_, d: dayjs.Dayjs | undefined) => {
                if (d && !allowed(d)) throw new Error(t('inspections.plannedDateHint'));
              },
            },
          ]}
        >
          <DatePicker getPopupContainer={inDialog} disabledDate={(d) => !allowed(d)} />
        </Form.Item>
        <Form.Item
          name="maxMinutes"
          label={t('inspections.maxMinutesLabel')}
          rules={[
            required,
            { type: 'number', min: 10, max: 1440, message: t('inspections.maxMinutesRange') },
          ]}
        >
          <InputNumber min={10} max={1440} step={10} />
        </Form.Item>
        <Form.Item
          name="notice"
          label={t('inspections.notice')}
          valuePropName="checked"
          extra={noticeAllowed ? undefined : t('inspections.noticeNotAllowed')}
        >
          <Switch disabled={!noticeAllowed} />
        </Form.Item>
      </FormModal>

      <Modal
        open={registered !== null}
        title={t('inspections.registeredTitle', { number: registered?.inspection.number ?? '' })}
        onCancel={() => setRegistered(null)}
        footer={<Button onClick={() => setRegistered(null)}>{t('inspections.close')}</Button>}
        destroyOnHidden
      >
        {registered && registered.jointProposals.length === 0 && (
          <Alert type="success" showIcon title={t('inspections.registeredText')} />
        )}
        {registered && registered.jointProposals.length > 0 && (
          <>
            <Alert type="info" showIcon title={t('inspections.jointProposed')} />
            {joinError && <Alert type="error" showIcon title={joinError} />}
            <List
              dataSource={registered.jointProposals}
              renderItem={(p) => (
                <List.Item
                  actions={[
                    <Button
                      key="join"
                      type="primary"
                      onClick={async () => {
                        try {
                          await inspectionsApi.join(
                            registered.inspection.id,
                            registered.inspection.version,
                            p.id,
                          );
                          setRegistered(null);
                          onRegistered();
                        } catch (e) {
                          setJoinError((e as Error).message);
                        }
                      }}
                    >
                      {t('inspections.joinOk')}
                    </Button>,
                  ]}
                >
                  {t('inspections.jointLine', {
                    department: p.departmentName,
                    date: p.plannedDate,
                    number: p.number,
                  })}
                </List.Item>
              )}
            />
          </>
        )}
      </Modal>
    </>
  );
}
