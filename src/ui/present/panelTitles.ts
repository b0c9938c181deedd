import type { PresentPanel } from '../../state/presentMode';

/** Each panel's name: its region's accessible name and its line in the presenter's menu. */
export const PANEL_TITLES: Record<PresentPanel, string> = {
  memory: 'Memory',
  timeline: 'Timeline',
  metrics: 'Metrics',
};
