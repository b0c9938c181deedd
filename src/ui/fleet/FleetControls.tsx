import { useId } from 'react';
import {
  EVENT_KINDS,
  FLEET_PRESET_NAMES,
  FLEET_PRESETS,
  PLATFORM_DEFINITIONS,
  PLATFORMS,
  type FleetEventKind,
  type FleetScenario,
} from '../../engine';
import { DEFAULT_FLEET_SETUP, EVENT_TARGETS, withParam, type FleetSetup } from '../../state/fleetLink';
import type { FleetFieldParam, FleetParam } from '../../state/fleetLinkNames';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { eventTargetField } from './eventTarget';

const EVENT_LABELS: Record<FleetEventKind, string> = {
  'host-maintenance': 'Host maintenance',
  'rack-maintenance': 'Rack maintenance',
  'firmware-rollout': 'Firmware rollout in waves',
  'flaky-host': 'Flaky host (evacuate before it fails)',
  'operator-move': 'Operator moves one VM',
  'noisy-neighbour': 'Rebalance a noisy neighbour',
  consolidate: 'Consolidate and switch hosts off',
  'simulate-maintenance': 'Simulated maintenance event',
};

const PLATFORM_LABELS: Record<string, string> = {
  custom: 'Custom',
  ...Object.fromEntries(Object.entries(PLATFORM_DEFINITIONS).map(([k, d]) => [k, d.label])),
};

/** Fields a fleet preset carries that a policy change keeps; the rest belong to the preset. */
const POLICY_PARAMS: FleetParam[] = [
  'fleet.platform',
  'fleet.fleetCap',
  'fleet.perSourceHostCap',
  'fleet.perDestinationHostCap',
  'fleet.perCustomerCap',
  'fleet.rateLimitPerMin',
  'fleet.faultDomain',
  'fleet.fairness',
  'fleet.placement',
];
/** What a platform sets: choosing one drops the values typed in for these, so its defaults show. */
const PLATFORM_PARAMS: FleetParam[] = [
  'fleet.fleetCap',
  'fleet.perSourceHostCap',
  'fleet.perDestinationHostCap',
  'fleet.faultDomain',
];

interface NumberFieldProps {
  param: FleetFieldParam | 'fleet.target' | 'fleet.failAfterS';
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  setup: FleetSetup;
  /** Shown = stored + offset (a target counted from 1 on screen, from 0 in the link); typed values keep to the range. */
  offset?: number;
}

/** A number with its range; typing sets the link parameter, the scenario checks it (bad values get a line). */
function NumberField({ param, label, hint, value, min, max, setup, offset = 0 }: NumberFieldProps) {
  const { store } = useWorkspaceContext();
  const id = useId();
  return (
    <div className="fleet-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value + offset}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          if (e.target.value === '') return;
          const shown = Math.min(max, Math.max(min, Math.round(Number(e.target.value))));
          const text = offset ? String(shown - offset) : e.target.value;
          store.setState({ fleet: withParam(setup, param, text) });
        }}
      />
      <small id={`${id}-hint`}>{hint}</small>
    </div>
  );
}

interface ChoiceProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  hint?: string;
}

function Choice({ label, value, options, onChange, hint }: ChoiceProps) {
  const id = useId();
  return (
    <div className="fleet-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <small>{hint}</small>}
    </div>
  );
}

const capHint = (what: string) => `Most migrations at once ${what}; 0 = no cap.`;

/** The fleet's scenario and the scheduler's policies as controls; every change re-runs the fleet in a worker. */
export function FleetControls({ scenario, problems }: { scenario: FleetScenario | null; problems: readonly string[] }) {
  const { store } = useWorkspaceContext();
  const setup = useWorkspace((s) => s.fleet);
  const set = (param: FleetParam, value: string | undefined) =>
    store.setState({ fleet: withParam(setup, param, value) });
  const s = scenario;
  const event = s?.events[0];
  const kind: FleetEventKind = event?.kind ?? 'rack-maintenance';
  const targetValue = event ? Number((event as Record<string, unknown>)[EVENT_TARGETS[kind].key] ?? 0) : 0;
  const target = eventTargetField(kind, s, targetValue);
  const platform = s?.scheduler.platform ?? 'custom';
  return (
    <section className="region fleet-controls" aria-label="Fleet controls">
      <h2>Fleet</h2>
      <Choice
        label="Fleet preset"
        value={setup.preset}
        options={FLEET_PRESET_NAMES.map((n) => ({ value: n, label: FLEET_PRESETS[n].label }))}
        hint={FLEET_PRESETS[setup.preset].summary}
        onChange={(preset) => {
          const params = Object.fromEntries(
            POLICY_PARAMS.filter((p) => setup.params[p] !== undefined).map((p) => [p, setup.params[p]]),
          );
          store.setState({ fleet: { preset: preset as FleetSetup['preset'], params } });
        }}
      />
      <fieldset>
        <legend>Trigger event</legend>
        <Choice
          label="Event"
          value={kind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_LABELS[k] }))}
          onChange={(k) => {
            const next = withParam(
              withParam(withParam(setup, 'fleet.target', undefined), 'fleet.failAfterS', undefined),
              'fleet.event',
              k,
            );
            store.setState({ fleet: k === 'flaky-host' ? withParam(next, 'fleet.failAfterS', '75') : next });
          }}
        />
        <NumberField
          param="fleet.target"
          label={target.label}
          hint={target.hint}
          value={targetValue}
          offset={target.offset}
          min={target.min}
          max={target.max}
          setup={setup}
        />
        {event?.kind === 'flaky-host' && (
          <NumberField
            param="fleet.failAfterS"
            label="Fails after, s"
            hint="The host dies this long after its warning (0 = it holds)."
            value={event.failAfterS}
            min={0}
            max={1e7}
            setup={setup}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>Scheduler caps</legend>
        <Choice
          label="Platform defaults"
          value={platform}
          options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] ?? p }))}
          hint={platform === 'custom' ? 'Caps as set below.' : PLATFORM_DEFINITIONS[platform].summary}
          onChange={(p) => {
            let next = setup;
            for (const param of PLATFORM_PARAMS) next = withParam(next, param, undefined);
            store.setState({ fleet: withParam(next, 'fleet.platform', p === 'custom' ? undefined : p) });
          }}
        />
        <NumberField
          param="fleet.perSourceHostCap"
          label="Per source host"
          hint={capHint('out of one host')}
          value={s?.scheduler.perSourceHostCap ?? 0}
          min={0}
          max={1000}
          setup={setup}
        />
        <NumberField
          param="fleet.perDestinationHostCap"
          label="Per destination host"
          hint={capHint('into one host')}
          value={s?.scheduler.perDestinationHostCap ?? 0}
          min={0}
          max={1000}
          setup={setup}
        />
        <NumberField
          param="fleet.perCustomerCap"
          label="Per customer"
          hint={capHint("of one customer's VMs")}
          value={s?.scheduler.perCustomerCap ?? 0}
          min={0}
          max={100000}
          setup={setup}
        />
        <NumberField
          param="fleet.fleetCap"
          label="Fleet-wide"
          hint={capHint('in the whole fleet')}
          value={s?.scheduler.fleetCap ?? 0}
          min={0}
          max={100000}
          setup={setup}
        />
      </fieldset>
      <fieldset>
        <legend>Pacing and placement</legend>
        <NumberField
          param="fleet.rateLimitPerMin"
          label="Starts per minute"
          hint="Most migrations started in any minute; 0 = no limit."
          value={s?.scheduler.rateLimitPerMin ?? 0}
          min={0}
          max={1000000}
          setup={setup}
        />
        <div className="fleet-field fleet-field--check">
          <input
            id="fleet-fault-domain"
            type="checkbox"
            checked={s?.scheduler.faultDomain === 'rack'}
            onChange={(e) => set('fleet.faultDomain', e.target.checked ? 'rack' : 'none')}
          />
          <label htmlFor="fleet-fault-domain">One rack at a time (fault domain)</label>
        </div>
        <Choice
          label="Fairness"
          value={s?.scheduler.fairness ?? 'round-robin'}
          options={[
            { value: 'round-robin', label: 'Customers take turns' },
            { value: 'fifo', label: 'First ready, first moved' },
          ]}
          onChange={(v) => set('fleet.fairness', v)}
        />
        <Choice
          label="Placement"
          value={s?.scheduler.placement ?? 'spread'}
          options={[
            { value: 'spread', label: 'Spread: the emptiest host' },
            { value: 'pack', label: 'Pack: the fullest host that fits' },
          ]}
          onChange={(v) => set('fleet.placement', v)}
        />
      </fieldset>
      <fieldset>
        <legend>Fleet size</legend>
        <NumberField
          param="fleet.vms"
          label="VMs"
          hint="0 to 100,000, placed where they fit."
          value={s?.vms.count ?? 0}
          min={0}
          max={100000}
          setup={setup}
        />
        <NumberField
          param="fleet.customers"
          label="Customers"
          hint="1 to 1,000 tenants."
          value={s?.vms.customers ?? 1}
          min={1}
          max={1000}
          setup={setup}
        />
      </fieldset>
      {problems.length > 0 && (
        <div className="fleet-problems" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <button type="button" onClick={() => store.setState({ fleet: { ...DEFAULT_FLEET_SETUP, preset: setup.preset } })}>
        Back to the preset&apos;s values
      </button>
    </section>
  );
}
