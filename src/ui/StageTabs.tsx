import { useId, useState, type KeyboardEvent } from 'react';
import type { Run, Staleness } from '../state/runs';
import { HeatmapExport } from './export/viewExports';
import { HostsPanel } from './hosts/HostsPanel';
import { useLessonStage } from './lessons/useLessonStage';
import { LifecyclePanel } from './lifecycle/LifecyclePanel';
import { SpectrumPanel } from './spectrum/SpectrumPanel';

const TABS = [
  { key: 'memory', label: 'Memory' },
  { key: 'lifecycle', label: 'Whole migration' },
  { key: 'spectrum', label: 'Spectrum of approaches' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/** The middle of the lab: the hosts' memory, the whole migration step by step, or the spectrum of approaches. */
export function StageTabs({ run, stale }: { run: Run | null; stale: Staleness | null }) {
  const [tab, setTab] = useState<TabKey>('memory');
  useLessonStage(setTab);
  const id = useId();
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.key === tab);
    if (e.key === 'ArrowRight') setTab(TABS[(i + 1) % TABS.length].key);
    else if (e.key === 'ArrowLeft') setTab(TABS[(i + TABS.length - 1) % TABS.length].key);
    else return;
    e.preventDefault();
  };
  return (
    <div className="stage">
      <div className="stage__bar">
        <div role="tablist" aria-label="View" className="stage__tabs" onKeyDown={onKey}>
          {TABS.map((t) => (
            <button
              key={t.key}
              type="button"
              role="tab"
              id={`${id}-${t.key}`}
              aria-selected={tab === t.key}
              aria-controls={`${id}-${t.key}-panel`}
              tabIndex={tab === t.key ? 0 : -1}
              className={tab === t.key ? 'is-active' : ''}
              onClick={() => setTab(t.key)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {tab === 'memory' && <HeatmapExport trace={run?.trace ?? null} />}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}`} className="stage__panel">
        {tab === 'memory' ? (
          <HostsPanel run={run} stale={stale} />
        ) : tab === 'lifecycle' ? (
          <LifecyclePanel run={run} stale={stale} />
        ) : (
          <SpectrumPanel />
        )}
      </div>
    </div>
  );
}
