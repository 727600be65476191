import { useState } from 'react';
import { Button, Flex, Progress, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { uploadFile, type UploadedFile } from '../../api/cases';
import { messageOf } from '../../components/ProblemAlert';

/** One material's file: pick, upload with progress, and report the stored file's id. */
export function MaterialUpload({
  name,
  value,
  onChange,
}: {
  name: string;
  value?: UploadedFile | null;
  onChange: (f: UploadedFile | null) => void;
}) {
  const { t } = useTranslation();
  const [pct, setPct] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Flex gap="small" align="center" wrap>
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          customRequest={() => undefined}
          beforeUpload={(file) => {
            setError(null);
            setPct(0);
            uploadFile(file, setPct).then(
              (f) => {
                setPct(null);
                onChange(f);
              },
              (e: unknown) => {
                setPct(null);
                setError(messageOf(e, t));
              },
            );
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined aria-hidden />}
            // The spoken name starts with the visible words (WCAG 2.5.3), then names the material.
            aria-label={t('ux.actionFor', { action: value ? t('apply.replace') : t('apply.upload'), name })}
            loading={pct !== null}
          >
            {value ? t('apply.replace') : t('apply.upload')}
          </Button>
        </Upload>
        {value && (
          <Typography.Text type="success" className="ow-small">
            {t('apply.uploaded', { name: value.name })}
          </Typography.Text>
        )}
      </Flex>
      {pct !== null && <Progress percent={pct} size="small" aria-label={t('apply.progress')} />}
      {error && (
        <Typography.Text type="danger" role="alert" className="ow-small">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}
