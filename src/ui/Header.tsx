import { useId } from 'react';
import type { Strategy, WorkloadPreset } from '../engine';
import { fieldDef, type ChoiceField } from '../state/fields';
import { labState } from '../state/runs';
import * as t from '../state/transitions';
import { useWorkspace, useWorkspaceContext } from '../state/WorkspaceContext';
import { AboutButton } from './about/AboutButton';
import { ActionButton } from './actions/ActionButton';
import { useFieldChange } from './controls/useFieldChange';
import { EngineStatus } from './EngineStatus';
import { OpenFileButton } from './files/OpenFileButton';
import { ShortcutSheet } from './playback/ShortcutSheet';
import { ViewNav } from './ViewNav';

const PRESET = fieldDef('workload.preset') as ChoiceField<'workload.preset'>;
const STRATEGY = fieldDef('strategy') as ChoiceField<'strategy'>;

function PresetPicker() {
  const id = useId();
  const preset = useWorkspace((s) => s.scenario.workload.preset);
  const { set } = useFieldChange('workload.preset');
  return (
    <div className="header-field" data-field={PRESET.path}>
      <label htmlFor={id}>{PRESET.label}</label>
      <select
        id={id}
        value={preset}
        onChange={(e) => set([{ path: 'workload.preset', value: e.currentTarget.value as WorkloadPreset }])}
        title={PRESET.options.find((o) => o.value === preset)?.hint}
      >
        {PRESET.options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.value === 'custom' && preset !== 'custom'}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function StrategyPicker() {
  const strategy = useWorkspace((s) => s.scenario.strategy);
  const { set } = useFieldChange('strategy');
  return (
    <div role="radiogroup" aria-label={STRATEGY.label} className="strategy" data-field={STRATEGY.path}>
      <span className="strategy__title" aria-hidden="true">
        {STRATEGY.label}
      </span>
      {STRATEGY.options.map((o) => (
        <label key={o.value} className={`strategy__option${strategy === o.value ? ' is-checked' : ''}`} title={o.hint}>
          <input
            type="radio"
            name="strategy"
            value={o.value}
            checked={strategy === o.value}
            onChange={() => set([{ path: 'strategy', value: o.value as Strategy }])}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}

function SharePopover() {
  const { store } = useWorkspaceContext();
  const share = useWorkspace((s) => s.share);
  if (!share) return null;
  return (
    <div className="share-popover" role="dialog" aria-label="Share this scenario">
      <span role="status">{share.copied ? 'Link copied.' : 'Copy this link:'}</span>
      <input readOnly value={share.url} aria-label="Link to this scenario" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => store.getState().apply(t.closeShare)}>
        Close
      </button>
    </div>
  );
}

/** The top bar: workload preset, strategy, sharing, baseline and reset, shortcuts, engine status. */
export function Header() {
  const { pool } = useWorkspaceContext();
  const lab = useWorkspace(labState);
  const inLab = useWorkspace((s) => s.view === 'lab');
  return (
    <header className="app-header">
      <h1>Brownout</h1>
      <ViewNav />
      {inLab && <PresetPicker />}
      {inLab && <StrategyPicker />}
      <div className="header-actions">
        <OpenFileButton />
        <ActionButton action="copyLink" />
        <ActionButton action="resetAll" />
        <ShortcutSheet />
        <AboutButton />
        <EngineStatus engine={pool} lab={lab} />
      </div>
      <SharePopover />
    </header>
  );
}
