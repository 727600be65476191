import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Radio, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { learningApi, type QuizResult, type QuizView } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';

/** Reading a material: sections marked as studied (with the time spent), then its quiz. */
export default function MaterialPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const q = useApi(`learning:material:${id}`, (s) => learningApi.material(id, s));
  const [checked, setChecked] = useState<number[]>([]);
  const [quiz, setQuiz] = useState<QuizView | null>(null);
  const [answers, setAnswers] = useState<number[]>([]);
  const [result, setResult] = useState<QuizResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const opened = useRef(performance.now());
  useEffect(() => {
    opened.current = performance.now();
  }, [id]);
  const run = async <T,>(f: () => Promise<T>) => {
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(e);
      return undefined;
    }
  };
  return (
    <Loadable state={q}>
      {(m) => (
        <Flex vertical gap="middle">
          <PageTitle
            title={m.title}
            subtitle={`${t(`conduct.volumes.${m.volume}`)} · ${m.topic} · ${t('conduct.learning.versionNo')} ${m.versionNo}`}
          />
          {error ? <ProblemAlert error={error} /> : null}
          {m.mine.complete ? (
            <Alert type="success" showIcon message={t('conduct.learning.completeMessage')} />
          ) : null}
          {m.format === 'pdf' ? (
            <a href={learningApi.pdfUrl(m.id)} target="_blank" rel="noreferrer">
              {t('conduct.learning.openPdf')}
            </a>
          ) : null}
          {m.sections.map((s, i) => (
            <Card
              key={i}
              size="small"
              title={`${i + 1}. ${s.title}`}
              extra={
                m.mine.sectionsDone.includes(i + 1) ? (
                  <Tag color="green">{t('conduct.learning.studied')}</Tag>
                ) : null
              }
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.body}</Typography.Paragraph>
              {!m.mine.sectionsDone.includes(i + 1) ? (
                <Checkbox
                  checked={checked.includes(i + 1)}
                  onChange={(e) =>
                    setChecked(e.target.checked ? [...checked, i + 1] : checked.filter((c) => c !== i + 1))
                  }
                >
                  {t('conduct.learning.markStudied')}
                </Checkbox>
              ) : null}
            </Card>
          ))}
          <Space>
            <Button
              type="primary"
              disabled={!checked.length}
              onClick={async () => {
                const seconds = Math.min(14400, Math.round((performance.now() - opened.current) / 1000));
                if (await run(() => learningApi.study(m.id, { seconds, sections: checked }))) {
                  opened.current = performance.now();
                  setChecked([]);
                  q.reload();
                }
              }}
            >
              {t('conduct.learning.saveStudy')}
            </Button>
            <Typography.Text type="secondary">
              {t('conduct.learning.studiedSoFar', {
                minutes: Math.round(m.mine.seconds / 60),
                done: m.mine.sectionsDone.length,
                total: m.sections.length,
              })}
            </Typography.Text>
          </Space>
          {m.questionCount > 0 && m.quizSize > 0 ? (
            <Card size="small" title={t('conduct.learning.quiz')}>
              <Flex vertical gap="small">
                <Typography.Text type="secondary">
                  {t('conduct.learning.quizRules', {
                    pass: m.passPct,
                    max: m.maxAttempts,
                    used: m.mine.attemptsUsed,
                  })}
                </Typography.Text>
                {m.mine.passed ? (
                  <Tag color="green">{t('conduct.learning.passed', { score: m.mine.bestScorePct })}</Tag>
                ) : null}
                {!quiz && !m.mine.passed ? (
                  <div>
                    <Button
                      onClick={async () => {
                        const started = await run(() => learningApi.startQuiz(m.id));
                        if (started) {
                          setQuiz(started);
                          setAnswers(started.questions.map(() => -1));
                          setResult(null);
                        }
                      }}
                    >
                      {t('conduct.learning.startQuiz')}
                    </Button>
                  </div>
                ) : null}
                {quiz
                  ? quiz.questions.map((question, i) => (
                      <Flex key={question.id} vertical gap={4}>
                        <Typography.Text strong>
                          {i + 1}. {question.prompt}
                        </Typography.Text>
                        <Radio.Group
                          aria-label={question.prompt}
                          value={answers[i]}
                          onChange={(e) => setAnswers(answers.map((a, j) => (j === i ? e.target.value : a)))}
                          options={question.options.map((o, k) => ({ value: k, label: o }))}
                        />
                      </Flex>
                    ))
                  : null}
                {quiz ? (
                  <div>
                    <Button
                      type="primary"
                      disabled={answers.some((a) => a < 0)}
                      onClick={async () => {
                        const r = await run(() => learningApi.submitQuiz(quiz.attemptId, answers));
                        if (r) {
                          setResult(r);
                          setQuiz(null);
                          q.reload();
                        }
                      }}
                    >
                      {t('conduct.learning.submitQuiz')}
                    </Button>
                  </div>
                ) : null}
                {result ? (
                  <Alert
                    type={result.passed ? 'success' : 'warning'}
                    showIcon
                    message={t(
                      result.passed ? 'conduct.learning.resultPassed' : 'conduct.learning.resultFailed',
                      { score: result.scorePct, pass: result.passPct, left: result.attemptsLeft },
                    )}
                  />
                ) : null}
              </Flex>
            </Card>
          ) : null}
        </Flex>
      )}
    </Loadable>
  );
}
