import { LESSONS } from '../../lessons';
import { lessonProgressOf } from '../../state/lessonProgress';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { useLessons, useLessonsStore } from './LessonsContext';
import { openStep } from './openStep';
import './lessons.css';

/** The list of lessons with each one's progress; a lesson opens over the lab at its first unseen step. */
export function LessonsView() {
  const { store } = useWorkspaceContext();
  const lessons = useLessonsStore();
  const progress = useLessons((s) => s.progress);
  const anyProgress = Object.keys(progress.lessons).length > 0;
  return (
    <main className="lessons" aria-label="Lessons">
      <div className="lessons__head">
        <h2>Lessons</h2>
        <p className="muted">
          Each step sets up the lab, points at what matters and often asks you to predict before it shows the result.
        </p>
        {anyProgress && (
          <button type="button" className="link-button" onClick={() => lessons.getState().resetProgress()}>
            Forget my progress
          </button>
        )}
      </div>
      <ol className="lessons__list">
        {LESSONS.map((lesson, i) => {
          const p = lessonProgressOf(progress, lesson.id);
          const next = lesson.steps.findIndex((_, s) => !p.seen.includes(s + 1)) + 1 || 1;
          const label = p.finished ? 'Again' : p.seen.length > 0 ? `Continue at step ${next}` : 'Start';
          return (
            <li key={lesson.id} className={`lesson-card${p.finished ? ' is-finished' : ''}`}>
              <h3>
                <span className="lesson-card__n">{i + 1}.</span> {lesson.title}
              </h3>
              <p>{lesson.summary}</p>
              <p className="lesson-card__progress">
                {p.finished ? (
                  <>
                    <strong>✓ Finished.</strong> {lesson.learned}
                  </>
                ) : (
                  `${p.seen.length} of ${lesson.steps.length} steps seen`
                )}
              </p>
              <button
                type="button"
                className="is-primary"
                aria-label={`${label}: ${lesson.title}`}
                onClick={() => openStep(store, lessons, lesson, p.finished ? 1 : next)}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
