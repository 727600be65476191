import { useState } from 'react';
import { Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/cases';
import { FormModal } from '../../components/FormModal';

type Act = (path: string, body: Record<string, unknown>) => Promise<void>;

/** The required materials still missing: what a one-time notice asks for unless the clerk says otherwise. */
export const missingRequired = (c: CaseView): string[] =>
  c.materials.filter((m) => m.required && m.status === 'missing').map((m) => m.name);

/**
 * 一次性告知: every material to correct ticked at once (the missing required ones already are), what
 * is needed of each, the clerk's 说明, and a preview of exactly what the applicant will read.
 */
export function SupplementNoticeModal({
  open,
  c,
  onClose,
  act,
}: {
  open: boolean;
  c: CaseView;
  onClose: () => void;
  act: Act;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ items: string[]; reason?: string }>();
  const [req, setReq] = useState<Record<string, string>>({});
  const picked = Form.useWatch('items', form) ?? [];
  const reason = Form.useWatch('reason', form)?.trim();
  const names = c.materials.map((m) => m.name);
  const items = picked.map((name) => ({
    name,
    requirement: req[name]?.trim() || t('notice.defaultRequirement'),
  }));
  return (
    <FormModal
      open={open}
      title={t('caseAction.request_supplement')}
      form={form}
      fields={['reason', 'items']}
      onClose={onClose}
      okText={t('notice.send')}
      width={720}
      initialValues={{ items: missingRequired(c) }}
      onSubmit={async (v) => {
        if (items.length === 0) throw new Error(t('notice.pickOne'));
        await act('supplement-request', { items, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) });
      }}
    >
      <Typography.Paragraph type="secondary">{t('notice.help')}</Typography.Paragraph>
      <Form.Item name="items" label={t('noticeForm.materials')}>
        <Checkbox.Group style={{ width: '100%' }}>
          <Flex vertical gap={6} style={{ width: '100%' }}>
            {names.map((name) => (
              <Flex key={name} gap="small" align="center" wrap>
                <Checkbox value={name}>{name}</Checkbox>
                {picked.includes(name) && (
                  <Input
                    size="small"
                    style={{ flex: '1 1 200px' }}
                    aria-label={t('notice.requirementFor', { name })}
                    placeholder={t('noticeForm.requirementPlaceholder')}
                    value={req[name] ?? ''}
                    onChange={(e) => setReq((p) => ({ ...p, [name]: e.target.value }))}
                  />
                )}
              </Flex>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="reason" label={t('notice.reason')} style={{ marginTop: 12 }}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('noticeForm.reasonPlaceholder')} />
      </Form.Item>
      <div aria-label={t('notice.preview')} role="region">
        <Typography.Text strong>{t('notice.preview')}</Typography.Text>
        {items.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('notice.nothing')}</Typography.Paragraph>
        ) : (
          <ol>
            {items.map((i) => (
              <li key={i.name}>
                {i.name}：{i.requirement}
              </li>
            ))}
          </ol>
        )}
        {reason && (
          <Typography.Paragraph>{t('noticeForm.reasonLine', { text: reason })}</Typography.Paragraph>
        )}
      </div>
    </FormModal>
  );
}
