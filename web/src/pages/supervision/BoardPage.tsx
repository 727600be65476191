import { useMemo } from 'react';
import { Card, Col, Empty, Flex, Row, Statistic } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api/supervision';
import type { Board } from '../../api/supervision-types';
import {
  BOARD_SERIES,
  boardDescription,
  boardOption,
  boardRows,
  type BoardKey,
} from '../../domain/board-chart';
import { useApi } from '../../hooks/use-api';
import { EChart } from '../../components/EChart';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/** The yellow/red board (电子监察): open clocks by department and colour. */
export default function BoardPage() {
  const { t } = useTranslation();
  const q = useApi('board', (s) => supervisionApi.board(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('board.title')}
        subtitle={t('board.subtitle')}
        extra={<Link to="/supervision/clocks?colour=red">{t('board.redList')}</Link>}
      />
      <Loadable state={q}>{(b) => <BoardView board={b} />}</Loadable>
    </Flex>
  );
}

function BoardView({ board }: { board: Board }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = useMemo(() => boardRows(board), [board]);
  const label = (k: BoardKey) => t(`board.series.${k}`);
  const option = useMemo(() => {
    const series = (k: BoardKey) => t(`board.series.${k}`);
    const dept = (r: (typeof rows)[number]) => r.name ?? t('board.noDepartment');
    const description = [
      t('board.chartLabel', { count: rows.length }),
      boardDescription(
        rows,
        series,
        dept,
        (name, counts) => t('ux.chartRow', { name, counts }),
        t('ux.listSep'),
      ),
    ].join(t('ux.sentenceSep'));
    return boardOption(rows, series, dept, description);
  }, [rows, t]);
  const ordered = useMemo(() => [...rows].reverse(), [rows]);
  const onClick = useMemo(
    () => (p: { seriesId?: string; dataIndex: number }) => {
      const row = ordered[p.dataIndex];
      const colour = p.seriesId === 'paused' ? '' : `colour=${p.seriesId}&`;
      if (row?.departmentId) navigate(`/supervision/clocks?${colour}department=${row.departmentId}`);
    },
    [ordered, navigate],
  );

  return (
    <Flex vertical gap="middle">
      <Row gutter={[12, 12]}>
        {BOARD_SERIES.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Link
              to={
                s.key === 'paused'
                  ? '/supervision/clocks?status=paused'
                  : `/supervision/clocks?colour=${s.key}`
              }
              className="ow-entry"
            >
              <Card size="small" hoverable className={`ow-board-total ow-board-${s.key}`}>
                <Statistic title={label(s.key)} value={board.totals[s.key]} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Card size="small" title={<h2 className="ow-section-title">{t('board.byDepartment')}</h2>}>
        {rows.length === 0 ? (
          <Empty description={t('board.noClocks')} />
        ) : (
          <EChart
            option={option}
            height={Math.max(200, rows.length * 36 + 60)}
            label={t('board.chartLabel', { count: rows.length })}
            onClick={onClick}
          />
        )}
      </Card>
    </Flex>
  );
}
