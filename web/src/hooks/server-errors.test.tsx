import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { ApiError } from '../api/problem';
import { renderApp } from '../test/render';
import { applyServerErrors } from './server-errors';

function Harness({ onForm }: { onForm: (f: FormInstance) => void }) {
  const [form] = Form.useForm();
  onForm(form);
  return (
    <Form form={form} initialValues={{ materials: [{ name: 'a' }, { name: '' }] }}>
      <Form.Item name="code" label="编码">
        <Input />
      </Form.Item>
      <Form.List name="materials">
        {(fields) =>
          fields.map((f) => (
            <Form.Item key={f.key} name={[f.name, 'name']} label={`材料${f.name}`}>
              <Input />
            </Form.Item>
          ))
        }
      </Form.List>
    </Form>
  );
}

describe('server field errors', () => {
  it('appear next to the fields they name; the rest are returned to show above the form', async () => {
    let form!: FormInstance;
    renderApp(
      <Harness
        onForm={(f) => {
          form = f;
        }}
      />,
    );
    const err = new ApiError({
      status: 400,
      code: 'validation_failed',
      detail: 'bad',
      errors: [
        { path: '/body/item/code', code: 'code_immutable', message: '事项编码不可修改' },
        { path: '/body/item/materials/1/name', code: 'minLength', message: '不能为空' },
        { path: '/body/version', code: 'minimum', message: '版本号无效' },
      ],
    });
    let rest: ReturnType<typeof applyServerErrors> = [];
    act(() => {
      rest = applyServerErrors(form, err, ['code', 'materials'], '/body/item');
    });
    expect(await screen.findByText('事项编码不可修改')).toBeTruthy();
    expect(await screen.findByText('不能为空')).toBeTruthy();
    expect(form.getFieldError(['materials', 1, 'name'])).toEqual(['不能为空']);
    expect(rest.map((r) => r.path)).toEqual(['/body/version']);
  });

  it('ignore errors that are not from the API', () => {
    let form!: FormInstance;
    renderApp(
      <Harness
        onForm={(f) => {
          form = f;
        }}
      />,
    );
    expect(applyServerErrors(form, new Error('x'), ['code'])).toEqual([]);
  });
});
