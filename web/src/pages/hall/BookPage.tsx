import { useState } from 'react';
import { Button, Card, Flex, Form, Input, List, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hallApi } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { inLang } from './group-name';
import { SlotPicker, type Picked } from './SlotPicker';

/** 预约办事: a slot of a window group, booked with the account or by phone, ID number and an SMS code. */
export default function BookPage() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const groups = useApi('hall-groups', (s) => hallApi.groups(s));
  const [groupId, setGroupId] = useState<string>();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [person, setPerson] = useState({ name: '', phone: '', idNumber: '', code: '' });
  const [codeId, setCodeId] = useState<string>();
  const [error, setError] = useState<Error | null>(null);
  const byAccount = user?.role === 'applicant';
  const mine = useApi(byAccount ? 'hall-mine' : null, (s) => hallApi.mine(s));
  const set = (k: keyof typeof person) => (e: { target: { value: string } }) =>
    setPerson((p) => ({ ...p, [k]: e.target.value }));
  const ready = groupId && picked?.slot && (byAccount || (codeId && person.code && person.name));
  const book = () =>
    hallApi
      .book({
        groupId: groupId!,
        day: picked!.day,
        slot: picked!.slot,
        ...(byAccount ? {} : { ...person, codeId }),
      })
      .then((a) => navigate(`/hall/appointments/${a.token}`), setError);
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('hall.book.title')} subtitle={t('hall.book.subtitle')} />
      {error && <ProblemAlert error={error} />}
      <Card size="small">
        <Form layout="vertical">
          <Form.Item label={t('hall.book.group')}>
            <Select
              aria-label={t('hall.book.group')}
              value={groupId}
              onChange={(v: string) => {
                setGroupId(v);
                setPicked(null);
              }}
              options={(groups.data?.items ?? [])
                .filter((g) => g.active)
                .map((g) => ({ value: g.id, label: `${g.code} ${inLang(i18n.language, g.name, g.nameEn)}` }))}
            />
          </Form.Item>
          {groupId && (
            <Form.Item label={t('hall.book.slot')}>
              <SlotPicker groupId={groupId} value={picked} onChange={setPicked} />
            </Form.Item>
          )}
          {!byAccount && (
            <>
              <Typography.Paragraph type="secondary">
                {t('hall.book.withoutAccount')} <Link to="/login">{t('hall.book.login')}</Link>
              </Typography.Paragraph>
              <Form.Item label={t('hall.book.name')}>
                <Input value={person.name} onChange={set('name')} autoComplete="name" />
              </Form.Item>
              <Form.Item label={t('hall.book.phone')}>
                <Input value={person.phone} onChange={set('phone')} autoComplete="tel" />
              </Form.Item>
              <Form.Item label={t('hall.book.idNumber')}>
                <Input value={person.idNumber} onChange={set('idNumber')} />
              </Form.Item>
              <Form.Item label={t('hall.book.code')}>
                <Flex gap="small">
                  <Input
                    value={person.code}
                    onChange={set('code')}
                    inputMode="numeric"
                    maxLength={6}
                    style={{ width: 140 }}
                  />
                  <Button
                    disabled={!person.phone || !person.idNumber}
                    onClick={() =>
                      void hallApi.sendCode({ phone: person.phone, idNumber: person.idNumber }).then((r) => {
                        setCodeId(r.codeId);
                        setError(null);
                      }, setError)
                    }
                  >
                    {codeId ? t('hall.book.resend') : t('hall.book.sendCode')}
                  </Button>
                </Flex>
              </Form.Item>
            </>
          )}
          <Button type="primary" disabled={!ready} onClick={() => void book()}>
            {t('hall.book.submit')}
          </Button>
        </Form>
      </Card>
      {byAccount && (
        <Card size="small" title={<h2 className="ow-section-title">{t('hall.book.mine')}</h2>}>
          <List
            dataSource={mine.data?.items ?? []}
            locale={{ emptyText: t('common.empty') }}
            renderItem={(a) => (
              <List.Item>
                <Link to={`/hall/appointments/${a.token}`}>
                  {a.day} {a.slot} · {inLang(i18n.language, a.groupName, a.groupNameEn)}
                </Link>
                <span>{t(`hall.appointmentState.${a.state}`)}</span>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
