import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { DeadlineCalculator } from '../../components/calendar/DeadlineCalculator';
import { YearCalendar } from '../../components/calendar/YearCalendar';

/** The public working-day calculator and the year's holidays and makeup workdays. */
export default function CalendarPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="large">
      <PageTitle title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      <DeadlineCalculator />
      <YearCalendar />
    </Flex>
  );
}
