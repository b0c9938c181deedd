import { useId, useState } from 'react';
import { WORKLOAD_PRESET_DEFINITIONS } from '../engine/scenario/presets';
import { STRATEGIES, WORKLOAD_PRESETS, type Strategy, type WorkloadPreset } from '../engine/scenario/schema';
import { useLab, useLabContext } from '../state/LabContext';
import { currentLink } from '../state/urlSync';
import { AboutButton } from './about/AboutButton';
import { EngineStatus } from './EngineStatus';
import { ShortcutSheet } from './playback/ShortcutSheet';

export const STRATEGY_LABELS: Record<Strategy, string> = {
  precopy: 'Pre-copy',
  postcopy: 'Post-copy',
  hybrid: 'Hybrid',
  stopcopy: 'Stop-and-copy',
};

const STRATEGY_HINTS: Record<Strategy, string> = {
  precopy: 'Copy memory while the VM runs, round after round, then pause briefly for the rest.',
  postcopy: 'Move the VM first, then fetch pages on demand and push the rest in the background.',
  hybrid: 'A few pre-copy rounds to warm up, then switch to post-copy.',
  stopcopy: 'Pause, copy everything, resume: simple, with a long blackout.',
};

function presetLabel(p: WorkloadPreset): string {
  return p === 'custom' ? 'Custom' : WORKLOAD_PRESET_DEFINITIONS[p].label;
}

/** The top bar: workload preset, strategy, sharing and reset, engine status. */
export function Header() {
  const { store, engine } = useLabContext();
  const scenario = useLab((s) => s.scenario);
  const setStrategy = useLab((s) => s.setStrategy);
  const choosePreset = useLab((s) => s.choosePreset);
  const resetAll = useLab((s) => s.resetAll);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const presetId = useId();
  const preset = scenario.workload.preset;

  const copyLink = async () => {
    const url = currentLink(store, window.location);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard access (insecure origin or permission): the link is shown to copy by hand.
    }
    setLink({ url, copied });
  };

  return (
    <header className="app-header">
      <h1>Brownout</h1>
      <div className="header-field">
        <label htmlFor={presetId}>Workload preset</label>
        <select
          id={presetId}
          value={preset}
          onChange={(e) => choosePreset(e.currentTarget.value as WorkloadPreset)}
          title={preset === 'custom' ? 'Figures set by hand' : WORKLOAD_PRESET_DEFINITIONS[preset].summary}
        >
          {WORKLOAD_PRESETS.map((p) => (
            <option key={p} value={p} disabled={p === 'custom' && preset !== 'custom'}>
              {presetLabel(p)}
            </option>
          ))}
        </select>
      </div>
      <div role="radiogroup" aria-label="Strategy" className="strategy">
        <span className="strategy__title" aria-hidden="true">
          Strategy
        </span>
        {STRATEGIES.map((st) => (
          <label
            key={st}
            className={`strategy__option${scenario.strategy === st ? ' is-checked' : ''}`}
            title={STRATEGY_HINTS[st]}
          >
            <input
              type="radio"
              name="strategy"
              value={st}
              checked={scenario.strategy === st}
              onChange={() => setStrategy(st)}
            />
            {STRATEGY_LABELS[st]}
          </label>
        ))}
      </div>
      <div className="header-actions">
        <button type="button" onClick={copyLink}>
          Copy link
        </button>
        <button type="button" onClick={resetAll}>
          Reset all
        </button>
        <ShortcutSheet />
        <AboutButton />
        <EngineStatus engine={engine} />
      </div>
      {link && (
        <div className="share-popover" role="dialog" aria-label="Share this scenario">
          <span role="status">{link.copied ? 'Link copied.' : 'Copy this link:'}</span>
          <input
            readOnly
            value={link.url}
            aria-label="Link to this scenario"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => setLink(null)}>
            Close
          </button>
        </div>
      )}
    </header>
  );
}
