import type { GlossaryTerm } from './glossaryTerm';

/** Words of the app itself: runs, scenarios, lessons and the views. */
export const APP_TERMS: readonly GlossaryTerm[] = [
  {
    id: 'baseline',
    term: 'Baseline',
    definition:
      'A run kept for comparison: the faint "before" values and ghost lines in the lab are the run on screen when you last changed something, or one you pinned by hand.',
  },
  {
    id: 'embed-mode',
    term: 'Embed mode',
    definition: 'The app showing only the stage and the play bar, for a slide or a course page in an iframe.',
  },
  {
    id: 'engine-pool',
    term: 'Engine pool',
    definition:
      'The background workers that run the simulation, each job with its own progress and cancel, so the page stays responsive.',
  },
  {
    id: 'intervention',
    term: 'Intervention',
    definition:
      'A change of a setting at a moment of the simulated run (raise the cap at 20 s). The run before that moment stays the same; the scenario records it.',
  },
  {
    id: 'lesson',
    term: 'Lesson, step, scene',
    definition:
      "A guided sequence; one stop in it, with its scenario, highlight and text; a lecturer's stop in a class sequence.",
    see: ['prediction'],
  },
  {
    id: 'presentation-mode',
    term: 'Presentation mode',
    definition: 'The app laid out for a projector: large type, high contrast, clutter hidden.',
  },
  {
    id: 'scenario',
    term: 'Scenario',
    definition:
      'Everything needed to reproduce a run: the settings, the interventions and the seed. A shared link holds a scenario, never results.',
  },
  {
    id: 'trace',
    term: 'Trace',
    definition: 'Everything one run produced: phases, rounds, samples, events, heatmap frames and the summary.',
  },
  {
    id: 'workspace',
    term: 'Workspace',
    definition: "The runs the app holds at once (the lab's run, its baseline, a comparison), with one shared playhead.",
  },
  {
    id: 'prediction',
    term: 'Prediction',
    definition: 'An answer a student gives before the result is shown, scored once it is.',
  },
];
