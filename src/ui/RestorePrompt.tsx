import { useState } from 'react';
import type { Scenario } from '../engine';
import { fieldDef, type ChoiceField } from '../state/fields';
import { forgetSavedScenario } from '../state/persistence';
import { useWorkspaceContext } from '../state/WorkspaceContext';
import { formatMbps, formatMiB } from './format';

const STRATEGY = fieldDef('strategy') as ChoiceField<'strategy'>;

/** What the scenario was, in a few words: enough to recognise it. */
const describe = (s: Scenario) =>
  `a ${formatMiB(s.vm.memoryMiB)} VM over a ${formatMbps(s.network.linkMbps)} link, ` +
  (STRATEGY.options.find((o) => o.value === s.strategy)?.label ?? s.strategy).toLowerCase();

/**
 * The last visit ended while its scenario was still computing (a tab closed on a huge VM): the lab opened on
 * the default instead, and this asks whether to reopen it, so a scenario that keeps the engine busy for
 * minutes is never started again behind the user's back.
 */
export function RestorePrompt({ scenario, storage }: { scenario: Scenario; storage: Storage | undefined }) {
  const { store } = useWorkspaceContext();
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className="run-status run-status--paused restore-prompt" role="alert" aria-label="Your last scenario">
      <span>
        Your last scenario ({describe(scenario)}) was still being simulated when the page closed, so it was not
        reopened: the lab shows the default scenario.
      </span>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          store.getState().loadScenario(scenario);
        }}
      >
        Reopen it
      </button>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          forgetSavedScenario(storage);
        }}
      >
        Keep the default
      </button>
    </div>
  );
}
