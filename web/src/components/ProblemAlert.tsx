import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../api/problem';

interface Props {
  error: unknown;
  /** Field errors that no field on the page shows; listed by their messages (never their paths). */
  extra?: FieldError[];
  title?: string;
  onClose?: () => void;
}

/** An error from the API in the words the server chose (already in the UI language), with its details. */
export function ProblemAlert({ error, extra, title, onClose }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = messageOf(error, t);
  // The detail already says what the field errors say: list only what it leaves out.
  const fieldErrors = (extra ?? []).filter((fe) => !message.includes(fe.message));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? message}
      closable={onClose ? { onClose } : undefined}
      description={
        (title || fieldErrors.length > 0) && (
          <>
            {title && <div>{message}</div>}
            {fieldErrors.length > 0 && (
              <ul className="ow-error-list">
                {fieldErrors.map((fe, i) => (
                  <li key={`${fe.path}-${i}`}>{fe.message}</li>
                ))}
              </ul>
            )}
          </>
        )
      }
    />
  );
}

export function messageOf(error: unknown, t: (k: string) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('errors.network');
    return error.message || t('errors.unknown');
  }
  return error instanceof Error ? error.message : t('errors.unknown');
}
