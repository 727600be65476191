import type { ReactNode } from 'react';
import { Button, Card, Flex, Form, type FormListFieldData } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  title: string;
  /** What a new row starts as. */
  blank: unknown;
  /** The fields of one row. */
  row: (field: FormListFieldData, index: number) => ReactNode;
  addLabel: string;
}

/** A repeatable group of fields (materials, steps, legal basis …) with add and remove. */
export function ListField({ name, title, blank, row, addLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} className="ow-list-field" id={`field-${name}`}>
      <Form.List name={name}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap="small">
            {fields.map((field, i) => (
              <div key={field.key} className="ow-list-row">
                <Flex justify="space-between" align="center">
                  <strong>{i + 1}.</strong>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.removeRow', { n: i + 1, what: title })}
                  />
                </Flex>
                {row(field, i)}
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add(structuredClone(blank))}
            >
              {addLabel}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
