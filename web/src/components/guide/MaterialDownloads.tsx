import { Flex } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../api/account';
import type { Material } from '../../api/types';
import type { GuideFiles } from './MaterialsChecklist';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * A material's blank form (空白表格) and sample (示范文本), as published with the guide's version.
 * Printed, the link's text names the file; the SHA-256 rides along for whoever checks a copy.
 */
export function MaterialDownloads({ material, files }: { material: Material; files: GuideFiles }) {
  const { t } = useTranslation();
  const links = (
    [
      ['blankForm', material.blankFormFileId],
      ['sample', material.sampleFileId],
    ] as const
  )
    .map(([kind, id]) => ({ kind, file: id ? (files.list ?? []).find((f) => f.id === id) : undefined }))
    .filter((x) => x.file);
  if (!links.length) return null;
  return (
    <Flex wrap gap="middle" className="ow-material-downloads">
      {links.map(({ kind, file }) => (
        <a
          key={kind}
          href={accountApi.materialFileUrl(files.itemId, file!.id, files.versionNo)}
          download={file!.name}
          data-sha256={file!.sha256}
          title={`SHA-256 ${file!.sha256}`}
        >
          <DownloadOutlined aria-hidden />{' '}
          {t('account.download', { what: t(`account.${kind}`), name: file!.name })}{' '}
          <span className="ow-small">({t('account.fileFacts', { size: size(file!.size) })})</span>
        </a>
      ))}
    </Flex>
  );
}
