import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Trace } from '../../src/engine/trace/types';
import type { Scenario } from '../../src/engine/scenario/schema';
import { createLabStore, type LabStore } from '../../src/state/labStore';
import { LabContext } from '../../src/state/LabContext';
import type { EngineClient } from '../../src/worker/engineClient';
import { DEFAULT_SCENARIO } from '../../src/state/defaultScenario';

const noEngine = (): EngineClient => ({
  hello: async () => ({ engineVersion: 'test', inWorker: false }),
  run: async (_s, runId) => ({ kind: 'superseded', runId }),
  cancel: async () => {},
  spectrum: async () => [],
});

/** Renders a panel inside a lab whose store holds `trace` (and optionally a scenario and playhead). */
export function renderInLab(
  ui: ReactElement,
  opts: { trace?: Trace; scenario?: Scenario; tMs?: number } = {},
): { store: LabStore } & ReturnType<typeof render> {
  const store = createLabStore(opts.scenario ?? opts.trace?.scenario ?? DEFAULT_SCENARIO);
  if (opts.trace)
    store.setState({ trace: opts.trace, status: 'done', tMs: opts.tMs ?? opts.trace.summary.totalTimeMs });
  const result = render(
    <LabContext.Provider value={{ store, runner: null, engine: noEngine }}>{ui}</LabContext.Provider>,
  );
  return { store, ...result };
}
