import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { ImportReport } from '../../api/admin-types';
import { ApiError, type FieldError } from '../../api/problem';
import { todayInBeijing } from '../../format/date';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

/** The whole catalogue as one file: import (all or nothing, every error with its path) and export. */
export default function CatalogueFilePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);

  const importFile = async (file: File) => {
    setFileName(file.name);
    setReport(null);
    setError(null);
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch (e) {
      setError(new Error(t('catalogueFile.notJson', { reason: (e as Error).message })));
      return;
    }
    setBusy('import');
    try {
      setReport(await adminApi.importCatalogue(doc));
      message.success(t('catalogueFile.imported'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const exportFile = async () => {
    setBusy('export');
    setError(null);
    try {
      const doc = await adminApi.exportCatalogue();
      const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `onewindow-catalogue-${todayInBeijing()}.json`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const fieldErrors: FieldError[] = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('catalogueFile.title')} subtitle={t('catalogueFile.subtitle')} />
      <Card size="small" title={<h2 className="ow-section-title">{t('catalogueFile.export')}</h2>}>
        <Typography.Paragraph>{t('catalogueFile.exportText')}</Typography.Paragraph>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={exportFile} loading={busy === 'export'}>
          {t('catalogueFile.download')}
        </Button>
      </Card>
      <Card size="small" title={<h2 className="ow-section-title">{t('catalogueFile.import')}</h2>}>
        <Typography.Paragraph>{t('catalogueFile.importText')}</Typography.Paragraph>
        <Upload
          accept="application/json,.json"
          showUploadList={false}
          beforeUpload={(f) => {
            void importFile(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={busy === 'import'}>
            {t('catalogueFile.choose')}
          </Button>
        </Upload>
        {fileName && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('catalogueFile.file', { name: fileName })}
          </Typography.Paragraph>
        )}
        {error ? <ProblemAlert error={error} /> : null}
        {fieldErrors.length > 0 && (
          <Table<FieldError>
            size="small"
            rowKey={(r) => `${r.path}:${r.code}:${r.message}`}
            dataSource={fieldErrors}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
            style={{ marginTop: 12 }}
            columns={[
              { title: t('catalogueFile.path'), dataIndex: 'path', className: 'ow-mono' },
              { title: t('catalogueFile.code'), dataIndex: 'code' },
              { title: t('catalogueFile.message'), dataIndex: 'message' },
            ]}
          />
        )}
        {report && (
          <Descriptions
            size="small"
            bordered
            column={1}
            style={{ marginTop: 12 }}
            title={t('catalogueFile.report')}
            items={[
              {
                key: 'd',
                label: t('catalogueFile.departments'),
                children: t('catalogueFile.createdUpdated', report.departments),
              },
              {
                key: 'f',
                label: t('catalogueFile.fees'),
                children: t('catalogueFile.createdUpdated', report.fees),
              },
              {
                key: 'i',
                label: t('catalogueFile.items'),
                children: t('catalogueFile.itemsReport', report.items),
              },
              { key: 's', label: t('catalogueFile.synonyms'), children: report.synonyms },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
