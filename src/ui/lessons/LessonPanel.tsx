import { runEndMs } from '../../engine';
import { useEffect, useRef, useState } from 'react';
import type { Lesson } from '../../lessons';
import { answerLessonStep, leaveLesson, type LessonAnswer } from '../../state/lessonPlace';
import { shownRun } from '../../state/runs';
import * as t from '../../state/transitions';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { RichText } from '../glossary/RichText';
import { useLessons, useLessonsStore } from './LessonsContext';
import { openStep } from './openStep';
import { Prediction } from './Prediction';
import { useCurrentStep } from './useCurrentStep';
import { useHighlight } from './useHighlight';
import { useSpoilerCover } from './useSpoilerCover';
import './lessons.css';

/** The lesson being followed, above the lab: the step's text, its question, Back and Next, and progress. */
export function LessonPanel() {
  const current = useCurrentStep();
  const { store } = useWorkspaceContext();
  const lessons = useLessonsStore();
  const run = useWorkspace(shownRun);
  const [done, setDone] = useState<string | null>(null);
  const [folded, setFolded] = useState(false);
  const key = current ? `${current.place.id}/${current.place.step}` : '';
  useHighlight(current?.loaded.highlight ?? null, key);
  useSpoilerCover(current?.guarded ?? false);
  useEffect(() => {
    if (current) lessons.getState().seen(current.place.id, current.place.step);
  }, [current, lessons]);
  useShowResultOnce(current?.guarded ?? true, key);
  const ref = useRoomForPanel(!!current);
  if (!current) return null;
  const { lesson, place, loaded } = current;
  const count = lesson.steps.length;
  // The run drawn is the step's own once its scenario is the one on screen.
  const trace = run?.trace && run.scenario === store.getState().scenario ? run.trace : null;
  const go = (n: number) => {
    setDone(null);
    openStep(store, lessons, lesson, n);
  };
  const answer = (a: LessonAnswer) => {
    store.getState().apply(answerLessonStep(a));
    lessons.getState().answered(place.id, place.step, a);
  };
  const finish = () => {
    lessons.getState().finished(lesson.id);
    setDone(lesson.id);
  };
  return (
    <aside ref={ref} className={`lesson-panel${folded ? ' is-folded' : ''}`} aria-label="Lesson">
      <div className="lesson-panel__head">
        <span className="lesson-panel__lesson">{lesson.title}</span>
        <StepDots lesson={lesson} step={place.step} onGo={go} />
        <span className="lesson-panel__count">
          Step {place.step} of {count}
        </span>
        <button type="button" className="link-button" aria-expanded={!folded} onClick={() => setFolded(!folded)}>
          {folded ? 'Show the step' : 'Fold the step away'}
        </button>
        <button type="button" className="link-button" onClick={() => store.getState().apply(t.openView('lessons'))}>
          All lessons
        </button>
        <button type="button" className="link-button" onClick={() => store.getState().apply(leaveLesson)}>
          Leave the lesson
        </button>
      </div>
      <div className="lesson-panel__main">
        <div className="lesson-panel__text">
          <h2 className="lesson-panel__title">{loaded.step.title}</h2>
          {loaded.step.body.map((line, i) => (
            <p key={i}>
              <RichText text={line} />
            </p>
          ))}
          {done === lesson.id && (
            <p className="lesson-panel__learned" role="status">
              <strong>Lesson finished. </strong>
              {lesson.learned}
            </p>
          )}
        </div>
        {loaded.step.question && (
          <Prediction key={key} question={loaded.step.question} answer={place.answer} trace={trace} onAnswer={answer} />
        )}
        <div className="lesson-panel__nav">
          <button type="button" onClick={() => go(place.step - 1)} disabled={place.step <= 1}>
            Back
          </button>
          {place.step < count ? (
            <button type="button" className="is-primary" onClick={() => go(place.step + 1)}>
              Next
            </button>
          ) : (
            <button type="button" className="is-primary" onClick={finish} disabled={done === lesson.id}>
              Finish
            </button>
          )}
        </div>
      </div>
    </aside>
  );
}

const NONE_SEEN: readonly number[] = [];

/** One dot per step: seen, current or not yet; each opens its step. */
function StepDots({ lesson, step, onGo }: { lesson: Lesson; step: number; onGo: (n: number) => void }) {
  const seen = useLessons((s) => s.progress.lessons[lesson.id]?.seen ?? NONE_SEEN);
  return (
    <ol className="lesson-dots" aria-label="Steps">
      {lesson.steps.map((s, i) => (
        <li key={i}>
          <button
            type="button"
            className={`lesson-dot${i + 1 === step ? ' is-current' : seen.includes(i + 1) ? ' is-seen' : ''}`}
            aria-current={i + 1 === step ? 'step' : undefined}
            aria-label={`Step ${i + 1}: ${s.title}`}
            title={s.title}
            onClick={() => onGo(i + 1)}
          />
        </li>
      ))}
    </ol>
  );
}

/**
 * Once a step's result may be seen (no question, or the answer given), the playhead goes to the end of
 * its run once, so the whole result is on screen; after that the student plays and scrubs as they like.
 */
function useShowResultOnce(guarded: boolean, key: string): void {
  const { store } = useWorkspaceContext();
  const shownFor = useRef<string | null>(null);
  const run = useWorkspace(shownRun);
  const scenario = useWorkspace((s) => s.scenario);
  useEffect(() => {
    if (guarded || !key || !run?.trace || run.scenario !== scenario || shownFor.current === key) return;
    shownFor.current = key;
    store.getState().seek(runEndMs(run.trace.summary));
  }, [guarded, key, run, scenario, store]);
}

/**
 * The page gets taller by the panel's height when the window is too short for both (lessons.css reads
 * `--lesson-panel-px`), so the lab under the panel keeps the room it needs and the page scrolls instead.
 */
function useRoomForPanel(open: boolean) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const panel = ref.current;
    const app = panel?.parentElement;
    if (!open || !panel || !app) return;
    const observer = new ResizeObserver(() => app.style.setProperty('--lesson-panel-px', `${panel.offsetHeight}px`));
    observer.observe(panel);
    return () => {
      observer.disconnect();
      app.style.removeProperty('--lesson-panel-px');
    };
  }, [open]);
  return ref;
}
