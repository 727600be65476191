import { useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Flex, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi, type Call, type Display } from '../../api/hall';
import { PageTitle } from '../../components/PageTitle';
import { inLang } from './group-name';
import { announcement, speak } from './speech';

const KEEP = 12;

/** 叫号屏: the hall's screens, live: the number just called and where to go, spoken aloud. */
export default function DisplayPage() {
  const { t, i18n } = useTranslation();
  const [board, setBoard] = useState<Display | null>(null);
  const [voice, setVoice] = useState(false);
  const voiceRef = useRef(voice);
  voiceRef.current = voice;
  const langRef = useRef(i18n.language);
  langRef.current = i18n.language;
  useEffect(() => {
    const source = hallApi.displayStream();
    source.addEventListener('snapshot', (e) =>
      setBoard(JSON.parse((e as MessageEvent<string>).data) as Display),
    );
    source.addEventListener('call', (e) => {
      const call = JSON.parse((e as MessageEvent<string>).data) as Call;
      setBoard((b) =>
        b ? { ...b, calls: [call, ...b.calls.filter((c) => c.seq !== call.seq)].slice(0, KEEP) } : b,
      );
      if (voiceRef.current) speak(announcement(call, langRef.current), langRef.current);
    });
    return () => source.close();
  }, []);
  const [latest, ...earlier] = board?.calls ?? [];
  const where = (c: Call) => inLang(i18n.language, c.window, c.windowEn);
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('hall.display.title')}
        extra={
          <Button onClick={() => setVoice((v) => !v)} aria-pressed={voice}>
            {voice ? t('hall.display.voiceOff') : t('hall.display.voiceOn')}
          </Button>
        }
      />
      <Card>
        {latest ? (
          <Flex vertical align="center" aria-live="assertive" data-testid="latest-call">
            <Typography.Title level={1} style={{ fontSize: 72, margin: 0 }}>
              {latest.number}
            </Typography.Title>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('hall.display.goTo', { window: where(latest) })}
            </Typography.Title>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('hall.display.none')}</Typography.Text>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={14}>
          <Card size="small" title={<h2 className="ow-section-title">{t('hall.display.recent')}</h2>}>
            <List
              dataSource={earlier}
              locale={{ emptyText: t('hall.display.none') }}
              renderItem={(c) => (
                <List.Item>
                  <Typography.Text strong>{c.number}</Typography.Text>
                  <span>{where(c)}</span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={10}>
          <Card size="small" title={<h2 className="ow-section-title">{t('hall.display.waiting')}</h2>}>
            <Flex wrap gap="large">
              {(board?.groups ?? []).map((g) => (
                <Statistic
                  key={g.code}
                  title={`${g.code} ${inLang(i18n.language, g.name, g.nameEn)}`}
                  value={g.waiting}
                />
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
