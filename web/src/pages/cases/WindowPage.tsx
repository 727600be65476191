import { useState } from 'react';
import { Button, Card, Flex, Form, Input, List, Segmented, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/http';
import { casesApi } from '../../api/cases';
import type { Page } from '../../api/types';
import { formatDate } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { SearchBox } from '../../components/SearchBox';
import { CaseTable } from './MyCasesPage';

interface Inquiry { id: string; personName: string; contact: string | null; question: string; status: string; dueDate: string; version: number; answer?: string | null }

const STATES = ['received', 'awaiting_supplement', 'under_review', 'decided', 'completed'] as const;

/** The comprehensive window (综合窗口): the queue by state, walk-in intake, and the first-inquiry log. */
export default function WindowPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<string>('received');
  const cases = useApi(`window:${state}`, (s) => casesApi.list({ state }, s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('window.title')} subtitle={t('window.subtitle')} />
      <Card size="small" title={<h2 className="ow-section-title">{t('window.intake')}</h2>}>
        <Typography.Paragraph type="secondary">{t('window.intakeHelp')}</Typography.Paragraph>
        <Flex gap="small" wrap>
          <Link to="/apply?bundle=YJS-KCG"><Button>{t('window.intakeBundle')}</Button></Link>
          <Link to="/bundles"><Button type="link">{t('nav.bundles')}</Button></Link>
        </Flex>
        <WalkInSearch />
      </Card>
      <Card size="small" title={<h2 className="ow-section-title">{t('window.queue')}</h2>}
        extra={<Segmented size="small" value={state} onChange={(v) => setState(String(v))} options={STATES.map((s) => ({ value: s, label: t(`enum.caseState.${s}`) }))} />}>
        <Loadable state={cases} isEmpty={(d) => d.items.length === 0} emptyText={t('window.empty')}>{(d) => <CaseTable items={d.items} />}</Loadable>
      </Card>
      <Inquiries />
    </Flex>
  );
}

/** Find an item to take in at the window (the guide page has the intake button). */
function WalkInSearch() {
  const [q, setQ] = useState('');
  const res = useApi(q ? `walkin:${q}` : null, (s) => http.get<{ items: { id: string; name: string; department: { shortName?: string } | null }[] }>('/search', { q, limit: 10 }, s));
  return (
    <Flex vertical gap="small" style={{ marginTop: 12 }}>
      <SearchBox initial="" onSearch={setQ} />
      {q && <Loadable state={res} isEmpty={(d) => d.items.length === 0}>{(d) => (
        <List size="small" dataSource={d.items} renderItem={(i) => <List.Item><Link to={`/apply?item=${i.id}`}>{i.name}</Link><Typography.Text type="secondary">{i.department?.shortName}</Typography.Text></List.Item>} />
      )}</Loadable>}
    </Flex>
  );
}

/** 首问负责: the inquiries I own; record one, answer it or hand it over. */
function Inquiries() {
  const { t, i18n } = useTranslation();
  const q = useApi('inquiries', (s) => http.get<Page<Inquiry>>('/inquiries', { status: 'open' }, s));
  const [open, setOpen] = useState<{ kind: 'new' } | { kind: 'answer' | 'handover'; inquiry: Inquiry } | null>(null);
  const [form] = Form.useForm();
  const close = () => setOpen(null);
  return (
    <Card size="small" title={<h2 className="ow-section-title">{t('inquiry.title')}</h2>} extra={<Button size="small" onClick={() => setOpen({ kind: 'new' })}>{t('inquiry.record')}</Button>}>
      <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('inquiry.none')}>
        {(d) => (
          <List size="small" dataSource={d.items} renderItem={(i) => (
            <List.Item actions={[
              <Button key="a" size="small" onClick={() => setOpen({ kind: 'answer', inquiry: i })}>{t('inquiry.answer')}</Button>,
              <Button key="h" size="small" onClick={() => setOpen({ kind: 'handover', inquiry: i })}>{t('inquiry.handover')}</Button>,
            ]}>
              <Flex vertical gap={2}>
                <Typography.Text strong>{i.personName} {i.contact}</Typography.Text>
                <Typography.Text>{i.question}</Typography.Text>
                <Typography.Text type="secondary" className="ow-small">{t('inquiry.due', { date: formatDate(i.dueDate, i18n.language) })}</Typography.Text>
              </Flex>
            </List.Item>
          )} />
        )}
      </Loadable>
      <FormModal open={open?.kind === 'new'} title={t('inquiry.record')} form={form} fields={['personName', 'contact', 'question']} onClose={close}
        onSubmit={async (v) => { await http.post('/inquiries', v); q.reload(); }}>
        <Form.Item name="personName" label={t('inquiry.personName')} rules={[{ required: true, whitespace: true, message: t('apply.required') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="contact" label={t('inquiry.contact')}><Input maxLength={100} /></Form.Item>
        <Form.Item name="question" label={t('inquiry.question')} rules={[{ required: true, whitespace: true, message: t('apply.required') }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </FormModal>
      <FormModal open={open?.kind === 'answer'} title={t('inquiry.answer')} form={form} fields={['answer']} onClose={close}
        onSubmit={async (v: { answer: string }) => { if (open?.kind === 'answer') await http.post(`/inquiries/${open.inquiry.id}/answer`, { version: open.inquiry.version, answer: v.answer }); q.reload(); }}>
        <Form.Item name="answer" label={t('inquiry.answer')} rules={[{ required: true, whitespace: true, message: t('apply.required') }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      </FormModal>
      <FormModal open={open?.kind === 'handover'} title={t('inquiry.handover')} form={form} fields={['toUserId', 'note']} onClose={close}
        onSubmit={async (v: { toUserId: string; note: string }) => { if (open?.kind === 'handover') await http.post(`/inquiries/${open.inquiry.id}/handover`, { version: open.inquiry.version, ...v }); q.reload(); }}>
        <Form.Item name="toUserId" label={t('inquiry.toUserId')} extra={t('inquiry.toUserIdHelp')} rules={[{ required: true, whitespace: true, message: t('apply.required') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="note" label={t('inquiry.note')} rules={[{ required: true, whitespace: true, message: t('apply.required') }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </FormModal>
    </Card>
  );
}
