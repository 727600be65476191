import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi, type InspectionView } from '../../api/inspections';
import { PageTitle } from '../../components/PageTitle';

/** The enterprise code inside what the camera read: the sign's URL (…/inspect/CODE) or the code itself. */
export const codeFrom = (text: string) => {
  const m = /\/inspect\/([A-Za-z0-9]+)\/?$/.exec(text.trim());
  return (m ? m[1]! : text.trim()).toUpperCase();
};

interface Detector {
  detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]>;
}

/**
 * 扫码入企 from the inspector's phone: the camera reads the QR code on the enterprise's sign (where
 * the browser can), or the inspector types the code printed under it. The visit starts only if it
 * is registered for this enterprise, today, with this inspector; otherwise the server refuses and
 * records the attempt.
 */
export default function ScanPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<InspectionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [camera, setCamera] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const canScan = typeof window !== 'undefined' && 'BarcodeDetector' in window;

  const start = async (raw: string) => {
    setBusy(true);
    setError(null);
    setStarted(null);
    try {
      setStarted(await inspectionsApi.scan(codeFrom(raw)));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!camera || !video.current) return;
    let stop = false;
    let stream: MediaStream | null = null;
    const Ctor = (window as unknown as { BarcodeDetector: new (o: unknown) => Detector }).BarcodeDetector;
    const detector = new Ctor({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        video.current!.srcObject = stream;
        await video.current!.play();
        while (!stop) {
          const found = await detector.detect(video.current!);
          if (found[0]) {
            setCamera(false);
            form.setFieldValue('code', codeFrom(found[0].rawValue));
            await start(found[0].rawValue);
            return;
          }
          await new Promise((r) => requestAnimationFrame(r));
        }
      } catch (e) {
        setError((e as Error).message);
        setCamera(false);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera]);

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 560, margin: '0 auto', width: '100%' }}>
      <PageTitle title={t('inspections.scanTitle')} subtitle={t('inspections.scanSubtitle')} />
      <Card size="small">
        {canScan && (
          <Button block size="large" style={{ marginBottom: 16 }} onClick={() => setCamera((c) => !c)}>
            {camera ? t('inspections.cameraStop') : t('inspections.camera')}
          </Button>
        )}
        {camera && (
          <video
            ref={video}
            muted
            playsInline
            style={{ width: '100%', marginBottom: 16 }}
            aria-label={t('inspections.camera')}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => start(v.code)}>
          <Form.Item
            name="code"
            label={t('inspections.enterpriseCode')}
            extra={t('inspections.enterpriseCodeHint')}
            rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
          >
            <Input size="large" maxLength={80} autoComplete="off" autoCapitalize="characters" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy}>
            {t('inspections.startVisit')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {started && (
        <Alert
          type="success"
          showIcon
          title={t('inspections.started', { number: started.number })}
          description={<Link to={`/inspections/${started.id}`}>{t('inspections.openInspection')}</Link>}
        />
      )}
    </Flex>
  );
}
