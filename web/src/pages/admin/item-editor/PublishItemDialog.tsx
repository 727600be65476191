import { useMemo } from 'react';
import { Alert, App, Flex, Form, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../../api/admin';
import { catalogueApi } from '../../../api/catalogue';
import type { ItemDetail } from '../../../api/types';
import { useApi } from '../../../hooks/use-api';
import { FormModal } from '../../../components/FormModal';
import { Loadable } from '../../../components/Loadable';
import { ItemGuide } from '../../../components/guide/ItemGuide';
import { detailToInput } from './item-form-model';
import { itemDiff, KEY_FIELDS, type DiffNames, type FieldChange } from './item-diff';

interface Props {
  open: boolean;
  onClose: () => void;
  itemId: string;
  /** The item's version for optimistic concurrency. */
  version: number;
  /** The saved draft about to be published. */
  draft: ItemDetail;
  /** The number of the version the public sees now, if any. */
  publishedNo: number | null;
  names: DiffNames;
  onDone: (versionNo: number) => void;
}

/**
 * Publishing is a decision the public relies on (a changed time limit, fee or material list), so it
 * is confirmed: what changes against the published version, field by field; the guide as it will
 * read; and the publisher's comment, which the server keeps in the audit trail.
 */
export function PublishItemDialog({
  open,
  onClose,
  itemId,
  version,
  draft,
  publishedNo,
  names,
  onDone,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const published = useApi(open && publishedNo ? `published:${itemId}:${publishedNo}` : null, (s) =>
    catalogueApi.itemVersion(itemId, publishedNo!, s),
  );
  return (
    <FormModal<{ comment: string }>
      open={open}
      title={t('ux.publish.title', { name: draft.name, no: draft.version.no })}
      form={form}
      fields={['comment']}
      okText={t('ux.publish.confirm')}
      width={880}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await adminApi.publish(itemId, version, v.comment.trim());
        message.success(t('itemForm.published', { no: r.versionNo }));
        onDone(r.versionNo);
      }}
    >
      <Flex vertical gap="middle">
        {publishedNo ? (
          <Loadable state={published} rows={4}>
            {(p) => <Changes before={p} after={draft} names={names} />}
          </Loadable>
        ) : (
          <Changes before={null} after={draft} names={names} />
        )}
        <div>
          <Typography.Title level={2} id="publish-preview-title" className="ow-section-title">
            {t('ux.publish.preview')}
          </Typography.Title>
          <div
            className="ow-publish-preview"
            tabIndex={0}
            role="region"
            aria-labelledby="publish-preview-title"
          >
            <ItemGuide
              item={{ ...draft, version: { ...draft.version, publishedAt: new Date().toISOString() } }}
              titleLevel={2}
            />
          </div>
        </div>
        <Form.Item
          name="comment"
          label={t('ux.publish.comment')}
          extra={t('ux.publish.commentHelp')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 500, message: t('ux.publish.commentNeeded') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}

function Changes({
  before,
  after,
  names,
}: {
  before: ItemDetail | null;
  after: ItemDetail;
  names: DiffNames;
}) {
  const { t } = useTranslation();
  const changes = useMemo(
    () => itemDiff(t, names, before ? detailToInput(before) : null, detailToInput(after)),
    [t, names, before, after],
  );
  return (
    <section aria-labelledby="publish-changes-title">
      <Typography.Title level={2} id="publish-changes-title" className="ow-section-title">
        {before
          ? t('ux.publish.changes', { from: before.version.no, to: after.version.no })
          : t('ux.publish.first')}
      </Typography.Title>
      {before && changes.length === 0 ? (
        <Alert type="info" showIcon title={t('ux.publish.noChanges')} />
      ) : (
        <dl className="ow-diff">
          {changes.map((c) => (
            <Change key={c.field} c={c} first={!before} />
          ))}
        </dl>
      )}
    </section>
  );
}

function Change({ c, first }: { c: FieldChange; first: boolean }) {
  const { t } = useTranslation();
  const key = KEY_FIELDS.includes(c.field);
  return (
    <div className="ow-diff-row" data-field={c.field}>
      <dt>
        {c.label}
        {key && !first ? (
          <Tag color="orange" className="ow-diff-key">
            {t('ux.publish.affectsPublic')}
          </Tag>
        ) : null}
      </dt>
      <dd>
        {first ? (
          <ul className="ow-diff-lines">
            {c.after.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        ) : c.list ? (
          <ul className="ow-diff-lines">
            {c.removed.map((l, i) => (
              <li key={`r${i}`}>
                <del aria-label={t('ux.publish.removed', { text: l })}>− {l}</del>
              </li>
            ))}
            {c.added.map((l, i) => (
              <li key={`a${i}`}>
                <ins aria-label={t('ux.publish.added', { text: l })}>+ {l}</ins>
              </li>
            ))}
            {c.removed.length === 0 && c.added.length === 0 ? <li>{t('ux.publish.reordered')}</li> : null}
          </ul>
        ) : (
          <span>
            <del aria-label={t('ux.publish.was', { text: c.before.join('') || '—' })}>
              {c.before.join('') || '—'}
            </del>
            {' → '}
            <ins aria-label={t('ux.publish.now', { text: c.after.join('') || '—' })}>
              {c.after.join('') || '—'}
            </ins>
          </span>
        )}
      </dd>
    </div>
  );
}
