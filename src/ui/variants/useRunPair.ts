import { useEffect, useMemo, useState } from 'react';
import type { Scenario, Trace } from '../../engine';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import type { JobHandle } from '../../worker/pool';
import { referenceOf } from './confidentialFigures';

/** Waits this long after the last change, so a drag asks the engine once. */
const DEBOUNCE_MS = 200;

export type PairView =
  | { status: 'working' }
  | { status: 'ready'; run: Trace; reference: Trace | null; referenceLabel: string | null }
  | { status: 'failed'; message: string };

/**
 * The scenario and its reference (the same VM without confidentiality, or moved by the hypervisor alone),
 * both run on the engine pool. A newer scenario cancels the jobs of the one before.
 */
export function useRunPair(scenario: Scenario): PairView {
  const { pool } = useWorkspaceContext();
  const reference = useMemo(() => referenceOf(scenario), [scenario]);
  const [view, setView] = useState<{ for: Scenario; view: PairView } | null>(null);

  useEffect(() => {
    const jobs: JobHandle<Trace>[] = [];
    const timer = setTimeout(() => {
      const main = pool.run(scenario);
      jobs.push(main);
      const ref = reference ? pool.run(reference.scenario) : null;
      if (ref) jobs.push(ref);
      void Promise.all([main.result, ref?.result ?? Promise.resolve(null)]).then(([a, b]) => {
        if (a.status === 'cancelled' || b?.status === 'cancelled') return;
        if (a.status === 'failed') return setView({ for: scenario, view: { status: 'failed', message: a.message } });
        if (b && b.status === 'failed')
          return setView({ for: scenario, view: { status: 'failed', message: b.message } });
        setView({
          for: scenario,
          view: {
            status: 'ready',
            run: a.value,
            reference: b && b.status === 'done' ? b.value : null,
            referenceLabel: reference?.label ?? null,
          },
        });
      });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      for (const job of jobs) job.cancel();
    };
  }, [pool, scenario, reference]);

  return view?.for === scenario ? view.view : { status: 'working' };
}
