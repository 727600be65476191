import { useId, useState, type FormEvent } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface Props {
  initial?: string;
  onSearch: (q: string) => void;
  size?: 'middle' | 'large';
  /** Show the label above the box (the home page) or keep it for screen readers only. */
  showLabel?: boolean;
}

export const MAX_QUERY = 100;

/** The plain-language search: a person types a need ("我想开餐馆"), not an item name. */
export function SearchBox({ initial = '', onSearch, size = 'large', showLabel = false }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = value.trim();
    if (!q) return setError(t('search.required'));
    if (q.length > MAX_QUERY) return setError(t('search.tooLong', { max: MAX_QUERY }));
    setError(null);
    onSearch(q);
  };

  return (
    <form role="search" onSubmit={submit} className="ow-search" noValidate>
      <label htmlFor={id} className={showLabel ? 'ow-search-label' : 'ow-sr-only'}>
        {t('search.label')}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          size={size}
          value={value}
          maxLength={MAX_QUERY + 20}
          placeholder={t('search.placeholder')}
          onChange={(e) => setValue(e.target.value)}
          status={error ? 'error' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          allowClear
        />
        <Button type="primary" htmlType="submit" size={size} icon={<SearchOutlined aria-hidden />}>
          {t('search.button')}
        </Button>
      </Space.Compact>
      {error && (
        <Typography.Text type="danger" id={`${id}-error`} role="alert">
          {error}
        </Typography.Text>
      )}
    </form>
  );
}
