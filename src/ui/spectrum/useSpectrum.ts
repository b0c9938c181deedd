import { useEffect, useMemo, useState } from 'react';
import type { Scenario, SpectrumEntry } from '../../engine';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import type { JobHandle } from '../../worker/pool';

/** Waits this long after the last change, so a drag or typing asks the engine once. */
export const SPECTRUM_DEBOUNCE_MS = 250;

export type SpectrumView =
  /** `entries`: the last answer, for an older scenario, or null before the first. */
  | { status: 'working'; entries: SpectrumEntry[] | null }
  | { status: 'ready'; entries: SpectrumEntry[] }
  | { status: 'failed'; message: string; retry: () => void };

interface Request {
  scenario: Scenario;
  attempt: number;
}

type Answer = { request: Request; entries: SpectrumEntry[] } | { request: Request; error: string };

/**
 * The spectrum of `scenario`, worked out by the engine pool in the background (a lab run always goes
 * first). A newer request cancels the one before it, so an old answer never lands.
 */
export function useSpectrum(scenario: Scenario): SpectrumView {
  const { pool } = useWorkspaceContext();
  const [attempt, setAttempt] = useState(0);
  const request = useMemo<Request>(() => ({ scenario, attempt }), [scenario, attempt]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lastEntries, setLastEntries] = useState<SpectrumEntry[] | null>(null);

  useEffect(() => {
    let job: JobHandle<SpectrumEntry[]> | null = null;
    const timer = setTimeout(() => {
      job = pool.spectrum(request.scenario);
      void job.result.then((outcome) => {
        if (outcome.status === 'done') {
          setAnswer({ request, entries: outcome.value });
          setLastEntries(outcome.value);
        } else if (outcome.status === 'failed') setAnswer({ request, error: outcome.message });
      });
    }, SPECTRUM_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      job?.cancel();
    };
  }, [pool, request]);

  if (answer?.request !== request) return { status: 'working', entries: lastEntries };
  if ('error' in answer) return { status: 'failed', message: answer.error, retry: () => setAttempt((a) => a + 1) };
  return { status: 'ready', entries: answer.entries };
}
