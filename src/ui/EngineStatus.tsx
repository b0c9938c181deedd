import { useEffect, useState } from 'react';

export interface EngineHello {
  hello(): Promise<{ engineVersion: string; inWorker: boolean }>;
}

type Status = { kind: 'starting' } | { kind: 'ready'; version: string } | { kind: 'error'; message: string };

/** Shows whether the simulation engine in the Web Worker answers. */
export function EngineStatus({ engine }: { engine: () => EngineHello }) {
  const [status, setStatus] = useState<Status>({ kind: 'starting' });
  useEffect(() => {
    let live = true;
    engine()
      .hello()
      .then((h) => live && setStatus({ kind: 'ready', version: h.engineVersion }))
      .catch((e: unknown) => live && setStatus({ kind: 'error', message: String(e) }));
    return () => {
      live = false;
    };
  }, [engine]);
  const text =
    status.kind === 'ready' ? 'engine ready' : status.kind === 'starting' ? 'engine starting…' : 'engine failed';
  return (
    <span
      className={`engine-status engine-status--${status.kind}`}
      role="status"
      title={status.kind === 'ready' ? `engine ${status.version}` : status.kind === 'error' ? status.message : ''}
    >
      {text}
    </span>
  );
}
