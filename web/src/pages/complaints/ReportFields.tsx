import { Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What the report concerns besides the department: a case, a fee form or receipt, a staff member. */
export function ConcernsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">{t('complaints.report.concernsHelp')}</Typography.Text>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['concerns', 'caseReceiptNo']} label={t('complaints.caseReceiptNo')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['concerns', 'feeReference']} label={t('complaints.feeReference')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['concerns', 'staffNamed']} label={t('complaints.staffNamed')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The reporter's name and contact: a name and one way to reach them when by name, all optional when anonymous. */
export function ContactFields({ anonymous }: { anonymous: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">
        {anonymous ? t('complaints.report.contactAnonymous') : t('complaints.report.contactRealName')}
      </Typography.Text>
      <Row gutter={16}>
        {!anonymous && (
          <Col xs={24} md={8}>
            <Form.Item
              name={['reporter', 'name']}
              label={t('complaints.reporterName')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('form.required', { label: t('complaints.reporterName') }),
                },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item name={['reporter', 'phone']} label={t('complaints.phone')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['reporter', 'email']} label={t('complaints.email')}>
            <Input maxLength={200} type="email" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
