import { useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Segmented,
  Tag,
  Typography,
} from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  inspectionsApi,
  type InspectorView,
  type ItemView,
  type ViolationBody,
  type ViolationView,
} from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { FormModal } from '../../components/FormModal';
import { formatFen } from '../../format/money';
import { DepartmentPicker, useWorkingDepartment } from './DepartmentPicker';

const SEVERITIES = ['minor', 'ordinary', 'serious'] as const;
const CODE = /^[A-Za-z0-9_-]+$/;
const inDialog = (trigger: HTMLElement) => trigger.parentElement ?? document.body;
const yuanToFen = (y: number | null | undefined) => Math.round((y ?? 0) * 100);

/** A band of a standard as the form holds it: yuan, converted to integer fen when sent. */
interface RangeValues {
  severity: (typeof SEVERITIES)[number];
  warning: boolean;
  fromYuan?: number;
  toYuan?: number;
}

/**
 * What a department publishes (its head, or an administrator for it): the inspection items
 * (检查事项清单, each new version supersedes the one before), the penalty discretion standards
 * (裁量基准) with their ranges, and the inspectors with their enforcement certificates.
 */
export default function PublishPage() {
  const { t, i18n } = useTranslation();
  const [picked, setPicked] = useState<string>();
  const department = useWorkingDepartment(picked);
  const [open, setOpen] = useState<'item' | 'standard' | 'inspector' | null>(null);
  const [section, setSection] = useState<'items' | 'standards' | 'inspectors'>('items');
  const screens = Grid.useBreakpoint();
  const items = useApi(department ? `insp-items:${department}` : null, (s) =>
    inspectionsApi.items(department!, s),
  );
  const standards = useApi(department ? `insp-standards:${department}` : null, (s) =>
    inspectionsApi.standards(department!, s),
  );
  const inspectors = useApi(department ? `insp-inspectors:${department}` : null, (s) =>
    inspectionsApi.inspectors(department!, s),
  );
  const [itemForm] = Form.useForm();
  const [standardForm] = Form.useForm<Omit<ViolationBody, 'ranges'> & { ranges: RangeValues[] }>();
  const [inspectorForm] = Form.useForm<{
    name: string;
    certificateNo: string;
    validity: [dayjs.Dayjs, dayjs.Dayjs];
  }>();
  const dept = department ? { departmentId: department } : {};
  const required = { required: true, whitespace: true, message: t('apply.required') };
  const codeRule = { pattern: CODE, message: t('inspections.codePattern') };
  const add = (what: 'item' | 'standard' | 'inspector', label: string) => (
    <Button type="primary" disabled={!department} onClick={() => setOpen(what)}>
      {label}
    </Button>
  );

  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('inspections.publishTitle')}
        subtitle={t('inspections.publishSubtitle')}
        extra={<DepartmentPicker value={picked} onChange={setPicked} />}
      />
      <Card size="small">
        {(
          [
            {
              key: 'items',
              label: t('inspections.itemsTab'),
              children: (
                <Flex vertical gap="small">
                  <div>{add('item', t('inspections.publishItem'))}</div>
                  <Loadable
                    state={items}
                    isEmpty={(l) => l.length === 0}
                    emptyText={t('inspections.emptyList')}
                  >
                    {(list) => (
                      <Table<ItemView>
                        size="small"
                        rowKey="id"
                        dataSource={list}
                        pagination={false}
                        scroll={{ x: true }}
                        columns={[
                          { title: t('inspections.code'), dataIndex: 'code' },
                          { title: t('inspections.itemName'), dataIndex: 'name' },
                          { title: t('common.version'), dataIndex: 'versionNo' },
                          { title: t('inspections.basis'), dataIndex: 'basis' },
                          { title: t('inspections.frequency'), dataIndex: 'frequency' },
                          {
                            title: t('inspections.noticeAllowed'),
                            dataIndex: 'noticeAllowed',
                            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
                          },
                        ]}
                      />
                    )}
                  </Loadable>
                </Flex>
              ),
            },
            {
              key: 'standards',
              label: t('inspections.standardsTab'),
              children: (
                <Flex vertical gap="small">
                  <div>{add('standard', t('inspections.publishStandard'))}</div>
                  <Loadable
                    state={standards}
                    isEmpty={(l) => l.length === 0}
                    emptyText={t('inspections.emptyList')}
                  >
                    {(list) => (
                      <Table<ViolationView>
                        size="small"
                        rowKey="id"
                        dataSource={list}
                        pagination={false}
                        scroll={{ x: true }}
                        columns={[
                          { title: t('inspections.code'), dataIndex: 'code' },
                          { title: t('inspections.violationName'), dataIndex: 'name' },
                          { title: t('common.version'), dataIndex: 'versionNo' },
                          { title: t('inspections.basis'), dataIndex: 'basis' },
                          {
                            title: t('inspections.ranges'),
                            key: 'ranges',
                            render: (_: unknown, v) => (
                              <Space orientation="vertical" size={0}>
                                {v.ranges.map((r) => (
                                  <span key={r.severity}>
                                    {t('inspections.rangeLine', {
                                      severity: t(`inspections.severity.${r.severity}`),
                                      warning: r.warning ? t('inspections.warningAllowed') : '',
                                      from: formatFen(r.fromFen, i18n.language),
                                      to: formatFen(r.toFen, i18n.language),
                                    })}
                                  </span>
                                ))}
                              </Space>
                            ),
                          },
                        ]}
                      />
                    )}
                  </Loadable>
                </Flex>
              ),
            },
            {
              key: 'inspectors',
              label: t('inspections.inspectorsTab'),
              children: (
                <Flex vertical gap="small">
                  <div>{add('inspector', t('inspections.saveInspector'))}</div>
                  <Loadable
                    state={inspectors}
                    isEmpty={(l) => l.length === 0}
                    emptyText={t('inspections.emptyList')}
                  >
                    {(list) => (
                      <Table<InspectorView>
                        size="small"
                        rowKey="id"
                        dataSource={list}
                        pagination={false}
                        scroll={{ x: true }}
                        columns={[
                          { title: t('inspections.inspectorName'), dataIndex: 'name' },
                          { title: t('inspections.certificateNo'), dataIndex: 'certificateNo' },
                          {
                            title: t('inspections.validity'),
                            key: 'validity',
                            render: (_: unknown, p) => `${p.validFrom} ~ ${p.validTo}`,
                          },
                          {
                            title: t('common.status'),
                            dataIndex: 'valid',
                            render: (v: boolean) => (
                              <Tag color={v ? 'green' : 'red'}>
                                {v ? t('inspections.certValid') : t('inspections.certInvalid')}
                              </Tag>
                            ),
                          },
                        ]}
                      />
                    )}
                  </Loadable>
                </Flex>
              ),
            },
          ] as const
        )
          .filter((x) => x.key === section)
          .map((x) => (
            <Flex key={x.key} vertical gap="small">
              <Segmented
                orientation={screens.md ? 'horizontal' : 'vertical'}
                value={section}
                onChange={(v) => setSection(v as typeof section)}
                options={[
                  { value: 'items', label: t('inspections.itemsTab') },
                  { value: 'standards', label: t('inspections.standardsTab') },
                  { value: 'inspectors', label: t('inspections.inspectorsTab') },
                ]}
              />
              {x.children}
            </Flex>
          ))}
      </Card>

      <FormModal
        open={open === 'item'}
        title={t('inspections.publishItem')}
        form={itemForm}
        fields={['code', 'name', 'basis', 'subjects', 'method', 'frequency', 'noticeAllowed']}
        initialValues={{ noticeAllowed: false }}
        onClose={() => setOpen(null)}
        okText={t('inspections.publish')}
        onSubmit={async (v) => {
          await inspectionsApi.publishItem({ ...dept, ...v });
          items.reload();
        }}
      >
        <Typography.Paragraph type="secondary">{t('inspections.itemVersionHint')}</Typography.Paragraph>
        <Form.Item name="code" label={t('inspections.code')} rules={[required, codeRule]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('inspections.itemName')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="basis" label={t('inspections.basis')} rules={[required]}>
          <Input.TextArea maxLength={1000} autoSize />
        </Form.Item>
        <Form.Item name="subjects" label={t('inspections.subjects')} rules={[required]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="method" label={t('inspections.method')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="frequency" label={t('inspections.frequency')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="noticeAllowed" label={t('inspections.noticeAllowed')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>

      <FormModal
        open={open === 'standard'}
        title={t('inspections.publishStandard')}
        form={standardForm}
        fields={['code', 'name', 'basis', 'ranges']}
        initialValues={{ ranges: [{ severity: 'minor', warning: true, fromYuan: 0, toYuan: 0 }] }}
        width={640}
        onClose={() => setOpen(null)}
        okText={t('inspections.publish')}
        onSubmit={async (v) => {
          await inspectionsApi.publishStandard({
            ...dept,
            code: v.code,
            name: v.name,
            basis: v.basis,
            ranges: v.ranges.map((r) => ({
              severity: r.severity,
              warning: !!r.warning,
              fromFen: yuanToFen(r.fromYuan),
              toFen: yuanToFen(r.toYuan),
            })),
          });
          standards.reload();
        }}
      >
        <Form.Item name="code" label={t('inspections.code')} rules={[required, codeRule]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label={t('inspections.violationName')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="basis" label={t('inspections.basis')} rules={[required]}>
          <Input.TextArea maxLength={1000} autoSize />
        </Form.Item>
        <Typography.Text strong>{t('inspections.ranges')}</Typography.Text>
        <Form.List name="ranges">
          {(fields, { add: addRange, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap="small" wrap align="baseline">
                  <Form.Item
                    name={[f.name, 'severity']}
                    label={t('inspections.severityLabel')}
                    rules={[required]}
                  >
                    <Select
                      style={{ width: 110 }}
                      getPopupContainer={inDialog}
                      options={SEVERITIES.map((s) => ({ value: s, label: t(`inspections.severity.${s}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'warning']} valuePropName="checked">
                    <Checkbox>{t('inspections.warningAllowed')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'fromYuan']} label={t('inspections.fromYuan')}>
                    <InputNumber min={0} precision={2} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'toYuan']}
                    label={t('inspections.toYuan')}
                    dependencies={[['ranges', f.name, 'fromYuan']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_, v: number | undefined) => {
                          if ((v ?? 0) < (getFieldValue(['ranges', f.name, 'fromYuan']) ?? 0))
                            throw new Error(t('inspections.rangeOrder'));
                        },
                      }),
                    ]}
                  >
                    <InputNumber min={0} precision={2} style={{ width: 120 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" onClick={() => remove(f.name)}>
                      {t('common.removeRow', { n: f.name + 1, what: '' })}
                    </Button>
                  )}
                </Flex>
              ))}
              {fields.length < 3 && (
                <Button onClick={() => addRange({ severity: SEVERITIES[fields.length], warning: false })}>
                  {t('inspections.addRange')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </FormModal>

      <FormModal
        open={open === 'inspector'}
        title={t('inspections.saveInspector')}
        form={inspectorForm}
        fields={['name', 'certificateNo', 'validFrom', 'validTo']}
        onClose={() => setOpen(null)}
        onSubmit={async (v) => {
          await inspectionsApi.saveInspector({
            ...dept,
            name: v.name,
            certificateNo: v.certificateNo,
            validFrom: v.validity[0].format('YYYY-MM-DD'),
            validTo: v.validity[1].format('YYYY-MM-DD'),
          });
          inspectors.reload();
        }}
      >
        <Typography.Paragraph type="secondary">{t('inspections.inspectorHint')}</Typography.Paragraph>
        <Form.Item name="name" label={t('inspections.inspectorName')} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="certificateNo"
          label={t('inspections.certificateNo')}
          rules={[
            required,
            { pattern: /^[A-Za-z0-9-]{4,40}$/, message: t('inspections.certificatePattern') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="validity"
          label={t('inspections.validity')}
          rules={[{ required: true, message: t('apply.required') }]}
        >
          <DatePicker.RangePicker getPopupContainer={inDialog} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
