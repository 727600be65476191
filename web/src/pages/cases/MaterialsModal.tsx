import { Flex, Form, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UploadedFile } from '../../api/cases';
import { FormModal } from '../../components/FormModal';
import { RegionList } from '../../components/RegionList';
import { MaterialUpload } from './MaterialUpload';

type Files = Record<string, UploadedFile | null>;
type Act = (path: string, body: Record<string, unknown>) => Promise<void>;

/**
 * Sending materials asked for (a supplement, or those promised under 容缺): one upload per material.
 * The files are one form field, so the browser's check ("at least one file") and the server's errors
 * on `/body/materials/…` both show under the list, in words, not as a path.
 */
export function MaterialsModal({
  open,
  title,
  names,
  path,
  onClose,
  act,
}: {
  open: boolean;
  title: string;
  names: string[];
  path: string;
  onClose: () => void;
  act: Act;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ materials: Files }>();
  return (
    <FormModal
      open={open}
      title={title}
      form={form}
      fields={['materials']}
      onClose={onClose}
      okText={t('caseAction.send')}
      initialValues={{ materials: {} }}
      onSubmit={(v) =>
        act(path, {
          materials: Object.entries(v.materials ?? {})
            .filter((e): e is [string, UploadedFile] => !!e[1])
            .map(([name, f]) => ({ name, fileId: f.id })),
        })
      }
    >
      <Form.Item
        name="materials"
        label={t('caseDetail.requested')}
        rules={[
          {
            validator: async (_, files: Files | undefined) => {
              if (!Object.values(files ?? {}).some(Boolean)) throw new Error(t('formErrors.oneFile'));
            },
          },
        ]}
      >
        <FileList names={names} />
      </Form.Item>
    </FormModal>
  );
}

function FileList({
  names,
  value,
  onChange,
}: {
  names: string[];
  value?: Files;
  onChange?: (v: Files) => void;
}) {
  const { t } = useTranslation();
  return (
    <RegionList
      size="small"
      label={t('caseDetail.requested')}
      dataSource={names}
      renderItem={(name) => (
        <List.Item>
          <Flex justify="space-between" align="center" wrap gap="small" style={{ width: '100%' }}>
            <Typography.Text>{name}</Typography.Text>
            <MaterialUpload
              name={name}
              value={value?.[name]}
              onChange={(f) => onChange?.({ ...value, [name]: f })}
            />
          </Flex>
        </List.Item>
      )}
    />
  );
}
