import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api/problem';
import { applyServerErrors } from '../hooks/server-errors';
import { ProblemAlert } from './ProblemAlert';

interface Props<T> {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  /** Top-level field names on this form; server errors for them are shown in place. */
  fields: readonly string[];
  /** Where the form's values sit in the request body (`/body`, or `/body/item`). */
  prefix?: string;
  initialValues?: Partial<T>;
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  okText?: string;
  width?: number;
  children: ReactNode;
}

/** A dialog with a form: validates in the browser, sends, and shows the server's errors where they belong. */
export function FormModal<T>({
  open,
  title,
  form,
  fields,
  prefix = '/body',
  initialValues,
  onSubmit,
  onClose,
  okText,
  width,
  children,
}: Props<T>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);

  const ok = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e, fields, prefix));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onOk={ok}
      onCancel={onClose}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={width}
      afterClose={() => {
        setError(null);
        setExtra([]);
      }}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} onFinish={ok}>
        {children}
        {error ? <ProblemAlert error={error} extra={extra} /> : null}
      </Form>
    </Modal>
  );
}
