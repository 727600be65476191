import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Row,
  Tag,
  Typography,
} from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegionList } from '../../components/RegionList';
import { casesApi, type SubmitBody, type UploadedFile } from '../../api/cases';
import { catalogueApi } from '../../api/catalogue';
import type { FieldError } from '../../api/problem';
import { enumLabel } from '../../domain/enums';
import { applyServerErrors } from '../../hooks/server-errors';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { MaterialUpload } from './MaterialUpload';
import { ButtonLink } from '../../components/ButtonLink';
import { accountApi, type Profile } from '../../api/account';
import { Link } from 'react-router';
import { useLocalName } from '../../i18n/local-name';

interface Need {
  name: string;
  required: boolean;
  deferrable: boolean;
  source: string;
  notes?: string;
}
/** `business`: the application is for a business (a bundle, or an item of 开办企业), so the form asks for its name and premises. */
interface Target {
  /** The bundle's or item's name, and its English name when the catalogue gives one. */
  name: string;
  nameEn: string | null;
  materials: Need[];
  business: boolean;
}

interface Values {
  businessName?: string;
  address?: string;
  contactAddress?: string;
  contactName: string;
  contactPhone: string;
  description?: string;
  kind?: 'person' | 'enterprise';
  applicantName?: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
}

const FORM_FIELDS = [
  'businessName',
  'address',
  'contactAddress',
  'contactName',
  'contactPhone',
  'description',
] as const;

/**
 * The application form (一表申请) for an item or a bundle: a few form fields, the material checklist
 * with an upload per material. A clerk takes in a walk-in application here: the applicant's details
 * and the paper originals ticked off instead of files.
 */
export default function ApplyPage() {
  const { t } = useTranslation();
  const { localName } = useLocalName();
  const { user } = useAuth();
  const clerk = user?.role === 'clerk';
  const [params] = useSearchParams();
  const itemId = params.get('item');
  const bundleCode = params.get('bundle');
  const target = useApi<Target>(
    bundleCode ? `apply:b:${bundleCode}` : itemId ? `apply:i:${itemId}` : null,
    async (s) => {
      if (bundleCode) {
        const b = await casesApi.bundle(bundleCode, s);
        return { name: b.name, nameEn: b.nameEn, materials: b.materials, business: true };
      }
      const i = await catalogueApi.item(itemId!, s);
      return {
        name: i.name,
        nameEn: i.nameEn,
        materials: i.materials,
        business: i.lifeEvents.includes('开办企业'),
      };
    },
  );
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<Record<string, UploadedFile | null>>({});
  const [paper, setPaper] = useState<Record<string, boolean>>({});
  const [key] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form) ?? 'person';
  // A signed-in applicant's form starts from their profile; every field stays editable.
  const profile = useApi<Profile>(user?.role === 'applicant' ? 'me:profile' : null, (s) =>
    accountApi.profile(s),
  );
  const loaded = target.data;
  useEffect(() => {
    const p = profile.data;
    if (!p || !loaded) return;
    const known: Partial<Values> = {
      ...(loaded.business && p.kind === 'enterprise' ? { businessName: p.displayName } : {}),
      ...(p.address ? { [loaded.business ? 'address' : 'contactAddress']: p.address } : {}),
      contactName: p.contactName ?? p.displayName,
      ...(p.phone ? { contactPhone: p.phone } : {}),
    };
    const empty = Object.fromEntries(
      Object.entries(known).filter(([k]) => !form.getFieldValue(k as keyof Values)),
    ) as Partial<Values>;
    form.setFieldsValue(empty);
  }, [profile.data, loaded, form]);

  const send = async (submit: boolean) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(submit ? 'submit' : 'draft');
    setError(null);
    const formData: Record<string, unknown> = {};
    for (const f of FORM_FIELDS) if (v[f]) formData[f] = v[f];
    const body: SubmitBody = {
      ...(bundleCode ? { bundleCode } : { itemId: itemId! }),
      form: formData,
      materials: clerk
        ? Object.entries(paper)
            .filter(([, on]) => on)
            .map(([name]) => ({ name, paper: true }))
        : Object.entries(files)
            .filter(([, f]) => f)
            .map(([name, f]) => ({ name, fileId: f!.id })),
      submit,
      ...(clerk
        ? {
            applicant: {
              kind: v.kind ?? 'person',
              name: v.applicantName ?? '',
              ...(v.kind === 'enterprise' ? { creditCode: v.creditCode } : { idNumber: v.idNumber }),
              ...(v.phone ? { phone: v.phone } : {}),
            },
          }
        : {}),
    };
    try {
      const r = await casesApi.submit(body, key);
      navigate(`/cases/${r.case.id}`, { state: { checkCode: r.checkCode } });
    } catch (e) {
      setExtra(applyServerErrors(form, e, FORM_FIELDS, '/body/form'));
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Loadable state={target} rows={8} isEmpty={() => false}>
      {(d) => (
        <Flex vertical gap="middle">
          <PageTitle
            title={t('apply.title', { name: localName(d) })}
            subtitle={t(clerk ? 'apply.walkInSubtitle' : 'apply.subtitle')}
          />
          {profile.data && (
            <Alert
              type="info"
              showIcon
              title={t('account.prefilled')}
              description={
                <Flex gap="middle" wrap align="center">
                  <span>
                    {t('account.applicant')}：{profile.data.displayName}
                    {(profile.data.kind === 'enterprise' ? profile.data.creditCode : profile.data.idNumber) &&
                      `（${profile.data.kind === 'enterprise' ? profile.data.creditCode : profile.data.idNumber}）`}
                  </span>
                  <Link to="/my/profile">{t('account.editProfile')}</Link>
                </Flex>
              }
            />
          )}
          <Form form={form} layout="vertical" requiredMark initialValues={{ kind: 'person' }}>
            <Row gutter={[16, 0]}>
              {clerk && (
                <Col xs={24}>
                  <Card
                    size="small"
                    title={<h2 className="ow-section-title">{t('apply.applicant')}</h2>}
                    style={{ marginBottom: 12 }}
                  >
                    <Form.Item name="kind" label={t('apply.kind')}>
                      <Radio.Group
                        options={[
                          { value: 'person', label: t('apply.person') },
                          { value: 'enterprise', label: t('apply.enterprise') },
                        ]}
                      />
                    </Form.Item>
                    <Row gutter={16}>
                      <Col xs={24} md={8}>
                        <Form.Item
                          name="applicantName"
                          label={t('apply.applicantName')}
                          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
                        >
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={8}>
                        {kind === 'enterprise' ? (
                          <Form.Item
                            name="creditCode"
                            label={t('apply.creditCode')}
                            rules={[{ required: true, len: 18, message: t('apply.creditCodeRule') }]}
                          >
                            <Input maxLength={18} />
                          </Form.Item>
                        ) : (
                          <Form.Item
                            name="idNumber"
                            label={t('apply.idNumber')}
                            rules={[{ required: true, len: 18, message: t('apply.idNumberRule') }]}
                          >
                            <Input maxLength={18} />
                          </Form.Item>
                        )}
                      </Col>
                      <Col xs={24} md={8}>
                        <Form.Item
                          name="phone"
                          label={t('apply.phone')}
                          rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('apply.phoneRule') }]}
                        >
                          <Input />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                </Col>
              )}
              <Col xs={24}>
                <Card
                  size="small"
                  title={<h2 className="ow-section-title">{t('apply.formTitle')}</h2>}
                  style={{ marginBottom: 12 }}
                >
                  <Row gutter={16}>
                    {d.business && (
                      <Col xs={24} md={12}>
                        <Form.Item
                          name="businessName"
                          label={t('apply.businessName')}
                          rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
                        >
                          <Input maxLength={100} />
                        </Form.Item>
                      </Col>
                    )}
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={d.business ? 'address' : 'contactAddress'}
                        label={t(d.business ? 'apply.address' : 'apply.contactAddress')}
                        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name="contactName"
                        label={t('apply.contactName')}
                        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name="contactPhone"
                        label={t('apply.contactPhone')}
                        rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('apply.phoneRule') }]}
                      >
                        <Input maxLength={11} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item name="description" label={t('apply.description')}>
                        <Input.TextArea rows={3} maxLength={1000} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              </Col>
            </Row>
          </Form>
          <Card size="small" title={<h2 className="ow-section-title">{t('apply.materials')}</h2>}>
            <RegionList
              size="small"
              label={t('apply.materials')}
              dataSource={d.materials}
              renderItem={(m) => (
                <List.Item>
                  <Flex justify="space-between" align="center" wrap gap="small" style={{ width: '100%' }}>
                    <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
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
                    {m.source !== 'applicant' ? (
                      <Tag>{enumLabel(t, 'materialSource', m.source)}</Tag>
                    ) : clerk ? (
                      <Checkbox
                        checked={!!paper[m.name]}
                        onChange={(e) => setPaper((p) => ({ ...p, [m.name]: e.target.checked }))}
                      >
                        {t('apply.paperChecked')}
                      </Checkbox>
                    ) : (
                      <MaterialUpload
                        name={m.name}
                        value={files[m.name]}
                        onChange={(f) => setFiles((p) => ({ ...p, [m.name]: f }))}
                      />
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
          {error ? <ProblemAlert error={error} extra={extra} /> : null}
          <Flex gap="small" wrap>
            <Button
              type="primary"
              loading={busy === 'submit'}
              disabled={busy !== null}
              onClick={() => send(true)}
            >
              {t('apply.submit')}
            </Button>
            <Button loading={busy === 'draft'} disabled={busy !== null} onClick={() => send(false)}>
              {t('apply.saveDraft')}
            </Button>
            <ButtonLink to={clerk ? '/window' : '/my/cases'} type="link">
              {t('common.cancel')}
            </ButtonLink>
          </Flex>
        </Flex>
      )}
    </Loadable>
  );
}
