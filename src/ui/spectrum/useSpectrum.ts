import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../../engine/scenario/schema';
import type { SpectrumEntry } from '../../engine/spectrum';
import { useLabContext } from '../../state/LabContext';

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

/** The spectrum of `scenario`, worked out by the engine in its worker; answers to older requests are dropped. */
export function useSpectrum(scenario: Scenario): SpectrumView {
  const { engine } = useLabContext();
  const [attempt, setAttempt] = useState(0);
  const request = useMemo<Request>(() => ({ scenario, attempt }), [scenario, attempt]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lastEntries, setLastEntries] = useState<SpectrumEntry[] | null>(null);

  useEffect(() => {
    let superseded = false;
    const timer = setTimeout(() => {
      // Through a promise so that an engine failing to start lands in the same place as one failing to answer.
      Promise.resolve()
        .then(() => engine().spectrum(request.scenario))
        .then(
          (entries) => {
            if (superseded) return;
            setAnswer({ request, entries });
            setLastEntries(entries);
          },
          (e: unknown) => {
            if (!superseded) setAnswer({ request, error: e instanceof Error ? e.message : String(e) });
          },
        );
    }, SPECTRUM_DEBOUNCE_MS);
    return () => {
      superseded = true;
      clearTimeout(timer);
    };
  }, [engine, request]);

  if (answer?.request !== request) return { status: 'working', entries: lastEntries };
  if ('error' in answer) return { status: 'failed', message: answer.error, retry: () => setAttempt((a) => a + 1) };
  return { status: 'ready', entries: answer.entries };
}
