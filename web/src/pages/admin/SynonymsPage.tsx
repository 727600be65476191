import { useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { Synonym } from '../../api/admin-types';
import type { FieldError } from '../../api/problem';
import { applyServerErrors } from '../../hooks/server-errors';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

interface Values {
  synonyms: Synonym[];
}

/** The search synonym list ("餐馆" → 餐饮, 食品经营): the whole list is saved at once. */
export default function SynonymsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useApi('synonyms', (s) => adminApi.synonyms(s));
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await adminApi.saveSynonyms(
        v.synonyms.map((s) => ({
          term: s.term.trim(),
          synonyms: s.synonyms.map((x) => x.trim()).filter(Boolean),
        })),
      );
      message.success(t('common.saved'));
      q.reload();
    } catch (e) {
      setExtra(applyServerErrors(form, e, ['synonyms']));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('synonyms.title')} subtitle={t('synonyms.subtitle')} />
      <Loadable state={q}>
        {(d) => (
          <Form form={form} initialValues={d} onFinish={save} layout="vertical" key={JSON.stringify(d)}>
            <Form.List name="synonyms">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  {fields.length === 0 && (
                    <Typography.Text type="secondary">{t('synonyms.none')}</Typography.Text>
                  )}
                  {fields.map((f, i) => (
                    <Flex key={f.key} gap="small" align="start" wrap className="ow-synonym-row">
                      <Form.Item
                        name={[f.name, 'term']}
                        rules={[
                          { required: true, whitespace: true, message: t('synonyms.termRequired') },
                          { max: 30 },
                        ]}
                        style={{ width: 180, marginBottom: 8 }}
                      >
                        <Input
                          aria-label={t('synonyms.termN', { n: i + 1 })}
                          placeholder={t('synonyms.term')}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'synonyms']}
                        rules={[
                          { required: true, type: 'array', min: 1, message: t('synonyms.synonymsRequired') },
                        ]}
                        style={{ flex: 1, minWidth: 220, marginBottom: 8 }}
                      >
                        <Select
                          mode="tags"
                          open={false}
                          suffixIcon={null}
                          aria-label={t('synonyms.synonymsN', { n: i + 1 })}
                          placeholder={t('synonyms.synonyms')}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.removeRow', { n: i + 1, what: t('synonyms.term') })}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add({ term: '', synonyms: [] })}
                  >
                    {t('synonyms.add')}
                  </Button>
                </Flex>
              )}
            </Form.List>
            {error ? <ProblemAlert error={error} extra={extra} /> : null}
            <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Loadable>
    </Flex>
  );
}
