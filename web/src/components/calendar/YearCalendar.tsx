import { useId, useState } from 'react';
import { Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import type { SpecialDay } from '../../api/types';
import { groupDays, type DayRun } from '../../domain/calendar-days';
import { enumLabel } from '../../domain/enums';
import { calendarSource, holidayName } from '../../domain/holidays';
import { formatDayRange, todayInBeijing } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../Loadable';

/** A year's holidays and makeup workdays, and whether the State Council notice for it is confirmed. */
export function YearCalendar() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useApi(`calendar:${year}`, (s) => catalogueApi.calendarYear(year, s));
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2];

  return (
    <Card
      size="small"
      title={<h2 className="ow-section-title">{t('calendar.yearTitle')}</h2>}
      extra={
        <Flex align="center" gap="small">
          <label htmlFor={id}>{t('calendar.year')}</label>
          <Select
            id={id}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
          />
        </Flex>
      }
    >
      <Loadable state={q}>
        {(c) => (
          <Flex vertical gap="small">
            <Flex wrap gap="small" align="center">
              {c.confirmed ? (
                <Tag color="green">{t('calendar.confirmed')}</Tag>
              ) : (
                <Tag color="orange">{t('calendar.unconfirmed')}</Tag>
              )}
              <Typography.Text>{t('calendar.workingDays', { count: c.workingDays })}</Typography.Text>
              {c.source && (
                <Typography.Text type="secondary">
                  {t('calendar.source', { source: calendarSource(c.source, i18n.language) })}
                </Typography.Text>
              )}
            </Flex>
            {!c.confirmed && (
              <Typography.Text type="secondary">{t('calendar.unconfirmedExplain')}</Typography.Text>
            )}
            {c.days.length > 0 && (
              <Table<DayRun>
                size="small"
                rowKey="from"
                pagination={false}
                scroll={{ x: true }}
                dataSource={groupDays(c.days)}
                columns={[
                  {
                    title: t('calendar.name'),
                    dataIndex: 'name',
                    render: (n: string) => holidayName(n, i18n.language),
                  },
                  {
                    title: t('calendar.date'),
                    render: (_, r) => formatDayRange(r.from, r.to, i18n.language),
                  },
                  {
                    title: t('calendar.kind'),
                    dataIndex: 'kind',
                    render: (k: SpecialDay['kind'], r) => (
                      <Tag color={k === 'holiday' ? 'red' : 'blue'}>
                        {enumLabel(t, 'dayKind', k)}
                        {r.days > 1 ? ` · ${t('calendar.days', { count: r.days })}` : ''}
                      </Tag>
                    ),
                  },
                ]}
              />
            )}
          </Flex>
        )}
      </Loadable>
    </Card>
  );
}
