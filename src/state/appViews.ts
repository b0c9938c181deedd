import { quoteText } from '../engine';

/**
 * The app's top-level views, in the order the header lists them. The lab is the default and needs no
 * `view=` in a link; a view added here gets a header entry and a `view=<key>` link.
 */
export const APP_VIEWS = [
  { key: 'lab', label: 'Lab', hint: 'Simulate one migration and change it as it runs' },
  { key: 'lessons', label: 'Lessons', hint: 'Guided lessons: each step sets up the lab and asks before it shows' },
  {
    key: 'compare',
    label: 'Compare',
    hint: 'Two to four runs side by side: the four goals, and the trade-off between them',
  },
  { key: 'sweep', label: 'Sweep', hint: 'Step one setting over a range and see where pre-copy stops converging' },
  {
    key: 'replay',
    label: 'From file',
    hint: 'A saved run or a real QEMU migration opened from a file, and the fit to it',
  },
  { key: 'fleet', label: 'Fleet', hint: 'A scheduler moving many VMs: caps, pacing, availability policies' },
  { key: 'variants', label: 'Variants', hint: 'Who drives the migration, and confidential VMs the host cannot read' },
  { key: 'glossary', label: 'Glossary', hint: 'Every word the app uses, explained' },
] as const;

export type AppViewKey = (typeof APP_VIEWS)[number]['key'];
export const DEFAULT_VIEW: AppViewKey = 'lab';

const isView = (key: string): key is AppViewKey => APP_VIEWS.some((v) => v.key === key);

/** The view a link's `view=` names; an unknown one opens the lab and says why. */
export function readView(text: string | undefined): { view: AppViewKey; problem?: string } {
  if (text === undefined) return { view: DEFAULT_VIEW };
  if (isView(text)) return { view: text };
  const known = APP_VIEWS.map((v) => v.key).join(', ');
  return { view: DEFAULT_VIEW, problem: `view: ${quoteText(text)} is not a view (${known}); the lab was opened` };
}
