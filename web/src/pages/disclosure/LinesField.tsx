import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

/** One section of a statement (income, expenditure or assets): lines of a name and an amount in yuan. */
export function LinesField({ name, label }: { name: 'income' | 'expenditure' | 'assets'; label: string }) {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
      <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{label}</legend>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={4} wrap align="start">
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('form.required', { label: t('disclosure.statement.item') }),
                    },
                  ]}
                  style={{ flex: '2 1 160px', marginBottom: 4 }}
                >
                  <Input
                    aria-label={`${label} ${i + 1} ${t('disclosure.statement.item')}`}
                    placeholder={t('disclosure.statement.item')}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'yuan']}
                  rules={[
                    {
                      required: true,
                      message: t('form.required', { label: t('disclosure.statement.amount') }),
                    },
                  ]}
                  style={{ flex: '1 1 120px', marginBottom: 4 }}
                >
                  <InputNumber
                    aria-label={`${label} ${i + 1} ${t('disclosure.statement.amountYuan')}`}
                    placeholder={t('disclosure.statement.amountYuan')}
                    min={0}
                    precision={2}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Button
                  onClick={() => remove(f.name)}
                  aria-label={`${t('disclosure.publish.removeLine')} ${i + 1}`}
                >
                  {t('disclosure.publish.removeLine')}
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add()} style={{ alignSelf: 'start' }}>
              {t('disclosure.publish.addLine', { section: label })}
            </Button>
          </Flex>
        )}
      </Form.List>
    </fieldset>
  );
}
