import { useState } from 'react';
import { Button, Flex, Progress, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../../api/account';
import { messageOf } from '../../../components/ProblemAlert';

/**
 * A material's blank form or sample in the item editor: the id of a file uploaded for the catalogue
 * (Form.Item's value). Published with the version; a later version names a new upload.
 */
export function MaterialFileField({
  kind,
  value,
  onChange,
}: {
  kind: 'blankForm' | 'sample';
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  const [pct, setPct] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const what = t(`account.${kind}`);
  return (
    <Flex vertical gap={2}>
      <Flex gap="small" align="center" wrap>
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          customRequest={() => undefined}
          beforeUpload={(file) => {
            setError(null);
            setPct(0);
            accountApi.uploadMaterialFile(file, setPct).then(
              (f) => {
                setPct(null);
                setName(f.name);
                onChange?.(f.id);
              },
              (e: unknown) => {
                setPct(null);
                setError(messageOf(e, t));
              },
            );
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} size="small">
            {t(kind === 'blankForm' ? 'account.uploadBlankForm' : 'account.uploadSample')}
          </Button>
        </Upload>
        {value && (
          <>
            <Typography.Text className="ow-small">
              {t('account.uploaded', { name: name ?? what })}
            </Typography.Text>
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('account.remove', { what })}
              onClick={() => {
                setName(null);
                onChange?.(undefined);
              }}
            />
          </>
        )}
        {pct !== null && <Progress percent={pct} size="small" style={{ width: 120 }} />}
      </Flex>
      {error && (
        <Typography.Text type="danger" className="ow-small" role="alert">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}
