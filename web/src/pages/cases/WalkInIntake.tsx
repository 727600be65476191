import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { casesApi, type SubmitBody } from '../../api/cases';
import { catalogueApi } from '../../api/catalogue';
import type { FieldError } from '../../api/problem';
import type { ItemFeeLine, PaymentPoint } from '../../api/types';
import { enumLabel } from '../../domain/enums';
import { describeFeeRule, formatFen } from '../../format/money';
import { applyServerErrors } from '../../hooks/server-errors';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RowList } from './RowList';

interface Need {
  name: string;
  required: boolean;
  deferrable: boolean;
  source: string;
  notes?: string;
}
interface Target {
  title: string;
  bundle: boolean;
  materials: Need[];
  fees: ItemFeeLine[];
  paymentPoint: PaymentPoint;
}
interface Values {
  applicant: {
    kind: 'person' | 'enterprise';
    name: string;
    idNumber?: string;
    creditCode?: string;
    phone?: string;
  };
  form: {
    businessName?: string;
    address?: string;
    contactName?: string;
    contactPhone?: string;
    description?: string;
    feeQuantities?: Record<string, number | null>;
  };
}

const PHONE = /^1[3-9]\d{9}$/;

/** `item:<id>` or `bundle:<code>`, as the window's address carries it. */
export function parseIntake(spec: string): { kind: 'item' | 'bundle'; id: string } | null {
  const m = /^(item|bundle):(.+)$/.exec(spec);
  return m ? { kind: m[1] as 'item' | 'bundle', id: m[2]! } : null;
}

/**
 * Walk-in intake at the window (窗口收件): the applicant's identity, the form, the paper originals
 * ticked off, and the quantities a per-unit fee needs. The server's field errors (a bad ID number or
 * credit code, a wrong material) appear next to the field they name.
 */
export function WalkInIntake({ spec, onCancel }: { spec: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const which = parseIntake(spec);
  const target = useApi<Target>(which ? `intake:${spec}` : null, async (s) => {
    if (which!.kind === 'bundle') {
      const b = await casesApi.bundle(which!.id, s);
      return { title: b.name, bundle: true, materials: b.materials, fees: [], paymentPoint: 'none' };
    }
    const i = await catalogueApi.item(which!.id, s);
    return {
      title: i.name,
      bundle: false,
      materials: i.materials,
      fees: i.fees,
      paymentPoint: i.paymentPoint,
    };
  });
  if (!which) return <Alert type="error" showIcon title={t('window.walkIn.badTarget')} />;
  return (
    <Loadable state={target} rows={8}>
      {(d) => <IntakeForm target={d} which={which} onCancel={onCancel} />}
    </Loadable>
  );
}

function IntakeForm({
  target: d,
  which,
  onCancel,
}: {
  target: Target;
  which: { kind: 'item' | 'bundle'; id: string };
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [paper, setPaper] = useState<Record<string, boolean>>({});
  const [key] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const navigate = useNavigate();
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'person';
  // what the applicant brings, and what the window itself checks (the ID card): ticked off here
  const checkable = (m: Need) => m.source === 'applicant' || m.source === 'window_check';
  const toCheck = d.materials.filter(checkable);
  const measured = d.fees.filter((f) => f.rule && f.rule.kind !== 'fixed');

  const send = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    const a = v.applicant;
    const formData: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v.form ?? {}))
      if (typeof x === 'string' && x.trim()) formData[k] = x.trim();
    const quantities = Object.fromEntries(
      Object.entries(v.form?.feeQuantities ?? {}).filter(([, n]) => typeof n === 'number'),
    );
    if (Object.keys(quantities).length > 0) formData.feeQuantities = quantities;
    const body: SubmitBody = {
      ...(which.kind === 'bundle' ? { bundleCode: which.id } : { itemId: which.id }),
      applicant: {
        kind: a.kind,
        name: a.name.trim(),
        ...(a.kind === 'enterprise'
          ? { creditCode: a.creditCode?.trim() }
          : { idNumber: a.idNumber?.trim() }),
        ...(a.phone ? { phone: a.phone } : {}),
      },
      form: formData,
      materials: Object.entries(paper)
        .filter(([, on]) => on)
        .map(([name]) => ({ name, paper: true })),
      submit: true,
    };
    try {
      const r = await casesApi.submit(body, key);
      navigate(`/cases/${r.case.id}`, { state: { checkCode: r.checkCode } });
    } catch (e) {
      setExtra(applyServerErrors(form, e, ['applicant', 'form']));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('apply.required') };
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('window.walkIn.title', { name: d.title })}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ applicant: { kind: 'person' } }}
        onFinish={send}
      >
        <Card
          size="small"
          title={<h2 className="ow-section-title">{t('apply.applicant')}</h2>}
          style={{ marginBottom: 12 }}
        >
          <Form.Item name={['applicant', 'kind']} label={t('apply.kind')}>
            <Radio.Group
              options={[
                { value: 'person', label: t('apply.person') },
                { value: 'enterprise', label: t('apply.enterprise') },
              ]}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['applicant', 'name']} label={t('apply.applicantName')} rules={[required]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {kind === 'enterprise' ? (
                <Form.Item
                  name={['applicant', 'creditCode']}
                  label={t('apply.creditCode')}
                  rules={[{ required: true, len: 18, message: t('apply.creditCodeRule') }]}
                >
                  <Input maxLength={18} autoComplete="off" />
                </Form.Item>
              ) : (
                <Form.Item
                  name={['applicant', 'idNumber']}
                  label={t('apply.idNumber')}
                  rules={[{ required: true, len: 18, message: t('apply.idNumberRule') }]}
                >
                  <Input maxLength={18} autoComplete="off" />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name={['applicant', 'phone']}
                label={t('apply.phone')}
                rules={[{ pattern: PHONE, message: t('apply.phoneRule') }]}
              >
                <Input maxLength={11} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card
          size="small"
          title={<h2 className="ow-section-title">{t('apply.formTitle')}</h2>}
          style={{ marginBottom: 12 }}
        >
          <Row gutter={16}>
            {(d.bundle || kind === 'enterprise') && (
              <Col xs={24} md={12}>
                <Form.Item
                  name={['form', 'businessName']}
                  label={t('apply.businessName')}
                  rules={d.bundle ? [required] : []}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item
                name={['form', 'address']}
                label={t('apply.address')}
                rules={d.bundle ? [required] : []}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['form', 'contactName']} label={t('apply.contactName')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['form', 'contactPhone']}
                label={t('apply.contactPhone')}
                rules={[{ pattern: PHONE, message: t('apply.phoneRule') }]}
              >
                <Input maxLength={11} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name={['form', 'description']} label={t('apply.description')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        {d.fees.length > 0 && (
          <Card
            size="small"
            title={<h2 className="ow-section-title">{t('window.walkIn.fees')}</h2>}
            style={{ marginBottom: 12 }}
          >
            <Typography.Paragraph>
              {t('window.walkIn.feesDue', { when: enumLabel(t, 'paymentPoint', d.paymentPoint) })}
            </Typography.Paragraph>
            <ul>
              {d.fees.map((f) => (
                <li key={f.feeCode}>
                  {t('window.walkIn.feeLine', {
                    name: f.name ?? f.feeCode,
                    amount:
                      f.fixedAmountFen !== null
                        ? formatFen(f.fixedAmountFen, i18n.language)
                        : f.rule
                          ? describeFeeRule(f.rule, i18n.language, t).amount
                          : t('guide.amountUnknown'),
                  })}
                </li>
              ))}
            </ul>
            {measured.map((f) => (
              <Form.Item
                key={f.feeCode}
                name={['form', 'feeQuantities', f.feeCode]}
                label={t('window.walkIn.quantity', {
                  name: f.name ?? f.feeCode,
                  unit: f.rule && f.rule.kind !== 'fixed' ? f.rule.unit : '',
                })}
                extra={t('window.walkIn.quantityHelp')}
              >
                <InputNumber min={0} max={1e9} style={{ width: 200 }} />
              </Form.Item>
            ))}
          </Card>
        )}
      </Form>
      <Card
        size="small"
        title={<h2 className="ow-section-title">{t('apply.materials')}</h2>}
        extra={
          toCheck.length > 0 && (
            <Button
              size="small"
              onClick={() => setPaper(Object.fromEntries(toCheck.map((m) => [m.name, true])))}
            >
              {t('window.walkIn.checkAll')}
            </Button>
          )
        }
      >
        <RowList
          label={t('apply.materials')}
          items={d.materials}
          rowKey={(m) => m.name}
          render={(m) => (
            <Flex vertical gap={2}>
              <Flex wrap gap={4} align="center">
                <Typography.Text strong>{m.name}</Typography.Text>
                {m.required ? (
                  <Tag color="red">{t('bundle.required')}</Tag>
                ) : (
                  <Tag>{t('bundle.optional')}</Tag>
                )}
                {m.deferrable && <Tag color="orange">{t('guide.deferrable')}</Tag>}
              </Flex>
              {m.notes && (
                <Typography.Text type="secondary" className="ow-small">
                  {m.notes}
                </Typography.Text>
              )}
            </Flex>
          )}
          actions={(m) =>
            !checkable(m) ? (
              <Tag>{enumLabel(t, 'materialSource', m.source)}</Tag>
            ) : (
              <Checkbox
                checked={!!paper[m.name]}
                onChange={(e) => setPaper((p) => ({ ...p, [m.name]: e.target.checked }))}
                aria-label={t('window.walkIn.paperFor', { name: m.name })}
              >
                {t('apply.paperChecked')}
              </Checkbox>
            )
          }
        />
      </Card>
      {error ? <ProblemAlert error={error} extra={extra} /> : null}
      <Flex gap="small" wrap>
        <Button type="primary" loading={busy} onClick={send}>
          {t('window.walkIn.submit')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Flex>
  );
}
