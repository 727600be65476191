import { useMemo, useState } from 'react';
import { App, Breadcrumb, Button, Flex, Form } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin';
import type { ItemInput } from '../../api/admin-types';
import { catalogueApi } from '../../api/catalogue';
import type { FieldError } from '../../api/problem';
import { applyServerErrors } from '../../hooks/server-errors';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ItemForm } from './item-editor/ItemForm';
import { ItemVersionsPanel } from './item-editor/ItemVersionsPanel';
import { WithdrawItemButton } from './item-editor/WithdrawItemButton';
import { PublishItemDialog } from './item-editor/PublishItemDialog';
import type { DiffNames } from './item-editor/item-diff';
import { cleanInput, detailToInput, emptyItem, ITEM_FIELDS } from './item-editor/item-form-model';

/**
 * Creates an item, or edits its latest version: the first save after publishing opens a new draft
 * version, publishing makes the draft the public guide. Every write carries the item's version.
 */
export default function ItemEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = useParams().id;
  const creating = id === undefined;
  const [form] = Form.useForm<ItemInput>();
  const depts = useDepartments();
  const fees = useApi('admin-fees', (s) => adminApi.fees(s));
  const versions = useApi(id ? `versions:${id}` : null, (s) => adminApi.versions(id!, s));
  const latest = versions.data?.item.latestVersionNo;
  const rev = versions.data?.item.version;
  const detail = useApi(id && latest ? `version:${id}:${latest}:${rev}` : null, (s) =>
    catalogueApi.itemVersion(id!, latest!, s),
  );
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const names = useMemo<DiffNames>(() => {
    const dept = new Map(depts.departments.map((d) => [d.code, d.shortName]));
    const fee = new Map((fees.data?.items ?? []).map((f) => [f.code, f.name]));
    return {
      department: (code) => dept.get(code) ?? code,
      fee: (code) => (fee.has(code) ? `${fee.get(code)}（${code}）` : code),
    };
  }, [depts.departments, fees.data]);

  const latestStatus = versions.data?.versions.find((v) => v.no === latest)?.status;

  const run = async (kind: 'save' | 'publish', action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setExtra([]);
    try {
      await action();
    } catch (e) {
      // A draft's schema errors point under /body/item, its catalogue-rule errors under /body: the
      // helper tries the given prefix, then /body.
      if (kind === 'save')
        setExtra(applyServerErrors(form, e, ITEM_FIELDS, creating ? '/body' : '/body/item'));
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const save = () =>
    run('save', async () => {
      let values: ItemInput;
      try {
        values = await form.validateFields();
      } catch {
        throw new Error(t('itemForm.fixErrors'));
      }
      const input = cleanInput(values);
      if (creating) {
        const r = await adminApi.createItem(input);
        message.success(t('itemForm.created'));
        navigate(`/admin/items/${r.itemId}`, { replace: true });
      } else {
        const r = await adminApi.saveDraft(versions.data!.item.id, rev!, input);
        message.success(t('itemForm.draftSaved', { no: r.versionNo }));
        versions.reload();
      }
    });

  // Publishing asks for a confirmation with the changes, a preview and a comment (PublishItemDialog).
  const publish = () =>
    run('publish', async () => {
      if (form.isFieldsTouched()) throw new Error(t('itemForm.saveFirst'));
      setConfirming(true);
    });
  const publishedNo = versions.data?.versions.find((v) => v.status === 'published')?.no ?? null;

  const title = creating ? t('adminItems.new') : (detail.data?.name ?? id ?? '');
  const actions = (
    <Flex gap="small" wrap>
      <Button type="primary" onClick={save} loading={busy === 'save'}>
        {creating ? t('itemForm.create') : t('itemForm.saveDraft')}
      </Button>
      {!creating && (
        <Button
          onClick={publish}
          loading={busy === 'publish'}
          disabled={latestStatus !== 'draft' || !detail.data}
        >
          {t('itemForm.publish')}
        </Button>
      )}
      {!creating && versions.data && versions.data.item.status === 'published' && (
        <WithdrawItemButton itemId={versions.data.item.id} version={rev!} onDone={versions.reload} />
      )}
    </Flex>
  );

  const editor = (initial: Partial<ItemInput>, key: string) => (
    <Loadable state={depts}>
      {() => (
        <Flex vertical gap="middle">
          {error ? <ProblemAlert error={error} extra={extra} /> : null}
          <ItemForm
            key={key}
            form={form}
            initial={initial}
            creating={creating}
            departments={depts.departments}
            fees={fees.data?.items ?? []}
          />
          {actions}
        </Flex>
      )}
    </Loadable>
  );

  return (
    <Flex vertical gap="middle">
      <Breadcrumb items={[{ title: <Link to="/admin/items">{t('nav.adminItems')}</Link> }, { title }]} />
      <PageTitle title={title} extra={actions} />
      {!creating && versions.data && detail.data && latestStatus === 'draft' ? (
        <PublishItemDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          itemId={versions.data.item.id}
          version={rev!}
          draft={detail.data}
          publishedNo={publishedNo}
          names={names}
          onDone={() => versions.reload()}
        />
      ) : null}
      {creating ? (
        editor(emptyItem(), 'new')
      ) : (
        <Loadable state={versions}>
          {(v) => (
            <Flex vertical gap="middle">
              <ItemVersionsPanel data={v} />
              <Loadable state={detail} rows={12}>
                {(d) => editor(detailToInput(d), `${v.item.id}:${d.version.no}:${v.item.version}`)}
              </Loadable>
            </Flex>
          )}
        </Loadable>
      )}
    </Flex>
  );
}
