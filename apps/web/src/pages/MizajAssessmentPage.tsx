// The Ajnas-e-Ashra questionnaire for one patient: a group of radio buttons per question, in the interface language,
// "Not known" by default; the result shows as the practitioner answers (the same scoring the server stores), and
// saving it sets the patient's Mizaj and returns to the patient's page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MIN_ANSWERED,
  type MizajQuestion,
  mizajQuestionnaireSources,
  mizajQuestions,
  NOT_KNOWN,
  scoreMizaj,
} from '@unani/contracts/mizaj';
import { routes } from '@unani/contracts/routes';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { En, Typed } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { confidencePercent, mizajHistoryKey } from '../patients/MizajPanel.tsx';

type Answers = Record<string, string>;

function Question({
  question,
  number,
  answer,
  onAnswer,
}: {
  question: MizajQuestion;
  number: number;
  answer: string;
  onAnswer: (answer: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const urdu = i18n.language === 'ur';
  const options = [...question.answers, { id: NOT_KNOWN, en: t('mizaj.notKnown'), ur: t('mizaj.notKnown') }];
  const determinant = urdu ? question.determinant.ur : `${question.determinant.en} (${question.determinant.name})`;
  return (
    <fieldset className="mizaj-question">
      <legend>
        {number}. {urdu ? question.ur : question.en} <span className="muted small">— {determinant}</span>
      </legend>
      {options.map((option) => (
        <label key={option.id} className="inline">
          <input
            type="radio"
            name={question.id}
            value={option.id}
            checked={answer === option.id}
            onChange={() => onAnswer(option.id)}
          />
          {urdu ? option.ur : option.en}
        </label>
      ))}
    </fieldset>
  );
}

function Result({ answers }: { answers: Answers }) {
  const { t } = useTranslation();
  const score = scoreMizaj(answers);
  const total = mizajQuestions.length;
  const text = score.temperament
    ? t('mizaj.resultSoFar', {
        mizaj: t(`vocabulary.temperament.${score.temperament}`),
        confidence: confidencePercent(score.confidence),
        answered: score.answered,
        total,
      })
    : score.undecided === 'hot-cold-undecided'
      ? t('mizaj.hotColdUndecided')
      : score.undecided === 'moist-dry-undecided'
        ? t('mizaj.moistDryUndecided')
        : t('mizaj.tooFew', { min: MIN_ANSWERED, total, answered: score.answered });
  return (
    <p className={score.temperament ? 'mizaj-result' : 'muted'} role="status">
      {text}
    </p>
  );
}

export function MizajAssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({});
  const patient = useQuery({ queryKey: ['patient', id], queryFn: () => api(routes.getPatient, { params: { id } }) });
  const save = useMutation({
    mutationFn: () => api(routes.createMizajAssessment, { params: { id }, body: { answers } }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['patient', id] }),
        client.invalidateQueries({ queryKey: mizajHistoryKey(id) }),
        client.invalidateQueries({ queryKey: ['patients'] }),
      ]);
      navigate(`/patients/${id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const decided = scoreMizaj(answers).temperament !== null;
  return (
    <section>
      <p>
        <Link to={`/patients/${id}`}>
          {t('common.backArrow')} {patient.data ? <Typed text={patient.data.name} /> : t('visit.patient')}
        </Link>
      </p>
      <h1>{t('mizaj.title')}</h1>
      <p className="muted">{t('mizaj.intro')}</p>
      <form className="card" onSubmit={submit} aria-label={t('mizaj.form')}>
        {mizajQuestions.map((question, i) => (
          <Question
            key={question.id}
            question={question}
            number={i + 1}
            answer={answers[question.id] ?? NOT_KNOWN}
            onAnswer={(answer) => setAnswers((a) => ({ ...a, [question.id]: answer }))}
          />
        ))}
        <Result answers={answers} />
        <ErrorMessage error={save.error} />
        <div className="row">
          <button type="submit" className="primary" disabled={!decided || save.isPending}>
            {save.isPending ? t('common.saving') : t('mizaj.save')}
          </button>
        </div>
      </form>
      <details>
        <summary>{t('mizaj.sources')}</summary>
        <p className="small">{t('mizaj.sourcesNote')}</p>
        <ul className="small">
          {Object.entries(mizajQuestionnaireSources).map(([code, source]) => (
            <li key={code}>
              <En>{source.title}</En>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
