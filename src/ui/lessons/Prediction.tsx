import { useId, useState } from 'react';
import type { Trace } from '../../engine';
import type { LessonQuestion } from '../../lessons/types';
import type { LessonAnswer } from '../../state/lessonPlace';
import { RichText } from '../glossary/RichText';
import { scoreAnswer } from './score';

/**
 * A step's question. Before the answer the result stays covered; the student picks a choice or sets a
 * number and locks it in; then the answer is scored against the run on screen and the gap explained.
 */
export function Prediction({
  question,
  answer,
  trace,
  onAnswer,
}: {
  question: LessonQuestion;
  answer: LessonAnswer | null;
  /** The run of the step (null while it is still being simulated). */
  trace: Trace | null;
  onAnswer: (answer: LessonAnswer) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [value, setValue] = useState<number>(
    question.kind === 'number' ? Math.round((question.min + question.max) / 2) : 0,
  );
  if (answer) return <Revealed question={question} answer={answer} trace={trace} />;
  const draft: LessonAnswer | null =
    question.kind === 'choice'
      ? choice === null
        ? null
        : { kind: 'choice', index: choice }
      : { kind: 'number', value };
  return (
    <form
      className="prediction"
      aria-label="Your prediction"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft) onAnswer(draft);
      }}
    >
      <p className="prediction__prompt" id={`${id}-prompt`}>
        <strong>Predict: </strong>
        <RichText text={question.prompt} />
      </p>
      {question.kind === 'choice' ? (
        <div role="radiogroup" aria-labelledby={`${id}-prompt`} className="prediction__choices">
          {question.choices.map((c, i) => (
            <label key={i} className={`prediction__choice${choice === i ? ' is-picked' : ''}`}>
              <input type="radio" name={`${id}-choice`} checked={choice === i} onChange={() => setChoice(i)} />
              <RichText text={c.label} />
            </label>
          ))}
        </div>
      ) : (
        <div className="prediction__number">
          <input
            type="range"
            min={question.min}
            max={question.max}
            step={(question.max - question.min) / 200}
            value={value}
            aria-labelledby={`${id}-prompt`}
            aria-valuetext={`${value} ${question.unit}`}
            onChange={(e) => setValue(Number(e.currentTarget.value))}
          />
          <label>
            <input
              type="number"
              min={question.min}
              max={question.max}
              value={Number.isFinite(value) ? Math.round(value * 10) / 10 : ''}
              onChange={(e) => {
                const v = Number(e.currentTarget.value);
                if (e.currentTarget.value !== '' && Number.isFinite(v))
                  setValue(Math.min(question.max, Math.max(question.min, v)));
              }}
              aria-label={`Your answer, in ${question.unit}`}
            />{' '}
            {question.unit}
          </label>
        </div>
      )}
      <button type="submit" className="prediction__commit" disabled={!draft}>
        Lock in my answer
      </button>
      <span className="prediction__note">The results stay hidden until you answer.</span>
    </form>
  );
}

function Revealed({
  question,
  answer,
  trace,
}: {
  question: LessonQuestion;
  answer: LessonAnswer;
  trace: Trace | null;
}) {
  if (!trace)
    return (
      <div className="prediction" role="status">
        Answer locked in; waiting for the run…
      </div>
    );
  const score = scoreAnswer(question, answer, trace);
  return (
    <div
      className={`prediction prediction--${score.right ? 'right' : 'wrong'}`}
      role="status"
      aria-label="Your prediction, scored"
    >
      <p className="prediction__verdict">
        <strong>{score.right ? '✓ ' : '✗ '}</strong>
        {score.verdict}
      </p>
      {score.why.map((line, i) => (
        <p key={i} className="prediction__why">
          <RichText text={line} />
        </p>
      ))}
    </div>
  );
}
