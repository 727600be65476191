import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { disclosureApi, type DocumentSummary, type PublishDocumentBody } from '../../api/disclosure';
import { FormModal } from '../../components/FormModal';

const DOC_FIELDS = [
  'docNo',
  'title',
  'issuer',
  'issuedOn',
  'effectiveOn',
  'expiresOn',
  'body',
  'interpretation',
];
const required = (t: TFunction, label: string) => [
  { required: true, whitespace: true, message: t('form.required', { label }) },
];
const blankless = <T extends object>(v: T) =>
  Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x !== 'string' || x.trim() !== '')) as T;

/** Publish a document, or a new version amending one (its title and issuer carried over). */
export function PublishDocumentModal({
  amends,
  open,
  onClose,
  onDone,
}: {
  amends: DocumentSummary | null;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PublishDocumentBody>();
  const label = (k: string) => t(`disclosure.doc.${k}`);
  return (
    <FormModal<PublishDocumentBody>
      open={open}
      title={
        amends ? t('disclosure.manage.amendTitle', { docNo: amends.docNo }) : t('disclosure.manage.publish')
      }
      form={form}
      fields={DOC_FIELDS}
      width={760}
      okText={t('disclosure.manage.publishOk')}
      initialValues={amends ? { title: amends.title, issuer: amends.issuer } : {}}
      onClose={onClose}
      onSubmit={async (v) => {
        await disclosureApi.publish({
          ...blankless(v),
          ...(amends ? { amendsId: amends.id } : {}),
        });
        onDone();
      }}
    >
      <Form.Item name="docNo" label={label('docNo')} rules={required(t, label('docNo'))}>
        <Input placeholder="清民规〔2026〕1号" />
      </Form.Item>
      <Form.Item name="title" label={label('title')} rules={required(t, label('title'))}>
        <Input />
      </Form.Item>
      <Form.Item name="issuer" label={label('issuer')} rules={required(t, label('issuer'))}>
        <Input />
      </Form.Item>
      <Form.Item name="issuedOn" label={label('issuedOn')} rules={required(t, label('issuedOn'))}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="effectiveOn" label={label('effectiveOn')} rules={required(t, label('effectiveOn'))}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="expiresOn" label={label('expiresOn')} extra={t('disclosure.manage.expiresHint')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="body" label={label('body')} rules={required(t, label('body'))}>
        <Input.TextArea rows={8} />
      </Form.Item>
      <Form.Item name="interpretation" label={label('interpretation')}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}

/** Repeal a document on a day, with the reason. */
export function RepealModal({
  doc,
  onClose,
  onDone,
}: {
  doc: { id: string; docNo: string; version: number } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ repealedOn: string; reason: string }>();
  return (
    <FormModal
      open={doc !== null}
      title={t('disclosure.manage.repealTitle', { docNo: doc?.docNo ?? '' })}
      form={form}
      fields={['repealedOn', 'reason']}
      okText={t('disclosure.manage.repeal')}
      onClose={onClose}
      onSubmit={async (v) => {
        await disclosureApi.repeal(doc!.id, { version: doc!.version, ...v });
        onDone();
      }}
    >
      <Form.Item
        name="repealedOn"
        label={t('disclosure.doc.repealedOn')}
        rules={required(t, t('disclosure.doc.repealedOn'))}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('disclosure.doc.repealReason')}
        rules={required(t, t('disclosure.doc.repealReason'))}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** Link an item's legal basis (by item code) to a document. */
export function LinkItemModal({
  doc,
  onClose,
  onDone,
}: {
  doc: { id: string; docNo: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ itemCode: string; basisTitle?: string }>();
  return (
    <FormModal
      open={doc !== null}
      title={t('disclosure.manage.linkTitle', { docNo: doc?.docNo ?? '' })}
      form={form}
      fields={['itemCode', 'basisTitle']}
      okText={t('disclosure.manage.link')}
      onClose={onClose}
      onSubmit={async (v) => {
        await disclosureApi.link({ documentId: doc!.id, ...blankless(v) });
        onDone();
      }}
    >
      <Form.Item
        name="itemCode"
        label={t('disclosure.manage.itemCode')}
        rules={required(t, t('disclosure.manage.itemCode'))}
      >
        <Input placeholder="11330900MB1185001X-GF-001" />
      </Form.Item>
      <Form.Item name="basisTitle" label={t('disclosure.manage.basisTitle')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
