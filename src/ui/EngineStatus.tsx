import { useEffect, useState } from 'react';
import type { LabState } from '../state/runs';

export interface EngineHello {
  hello(): Promise<{ engineVersion: string }>;
}

type Hello = { kind: 'starting' } | { kind: 'ready'; version: string } | { kind: 'error'; message: string };

const LAB_TEXT: Record<Exclude<LabState, 'ready'>, string> = {
  running: 'engine working…',
  cancelled: 'run cancelled',
  failed: 'run failed',
};

/**
 * Whether the engine answers, and whether the lab's result is the scenario on screen: "engine ready" only
 * then; while a run is going, or after one was cancelled or failed, it says that instead.
 */
export function EngineStatus({ engine, lab }: { engine: EngineHello; lab: LabState }) {
  const [hello, setHello] = useState<Hello>({ kind: 'starting' });
  useEffect(() => {
    let live = true;
    engine
      .hello()
      .then((h) => live && setHello({ kind: 'ready', version: h.engineVersion }))
      .catch((e: unknown) => live && setHello({ kind: 'error', message: String(e) }));
    return () => {
      live = false;
    };
  }, [engine]);
  const kind = hello.kind === 'ready' && lab !== 'ready' ? 'busy' : hello.kind;
  const text =
    hello.kind === 'error'
      ? 'engine failed'
      : hello.kind === 'starting'
        ? 'engine starting…'
        : lab === 'ready'
          ? 'engine ready'
          : LAB_TEXT[lab];
  return (
    <span
      className={`engine-status engine-status--${kind}`}
      role="status"
      title={hello.kind === 'ready' ? `engine ${hello.version}` : hello.kind === 'error' ? hello.message : ''}
    >
      {text}
    </span>
  );
}
