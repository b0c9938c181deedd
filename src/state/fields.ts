import {
  DISK_MODES,
  INTERVENTION_PATHS,
  PREPAGING,
  schemaAt,
  STOP_RULES,
  STRATEGIES,
  unitOfField,
  WORKLOAD_PRESET_DEFINITIONS,
  WORKLOAD_PRESETS,
  WRITE_PATTERNS,
  type Scenario,
} from '../engine';
import type { FieldChange, FieldPath, FieldValue, NumericFieldPath } from './fieldPaths';
import { VARIANT_FIELDS } from './variantFields';

/**
 * The one registry of the scenario's fields as the app presents them: label, hint, which panel, which
 * control, slider steps and scale, how to read the value. Ranges and units are not written here: they
 * come from the zod schema (`fieldRange`, `fieldUnit`). Panels render their controls from this list, in
 * its order; lessons, presentation mode and sweeps pick fields from it. A new control is a new entry.
 */

export type FieldGroup =
  /** The top bar: strategy and workload preset. */
  | 'header'
  /** The main sliders and switches of the Controls column. */
  | 'controls'
  /** "More settings", folded away. */
  | 'more'
  /** "Whole migration": the destination, names, devices, faults. */
  | 'whole-migration'
  /** The spectrum view's own inputs. */
  | 'spectrum'
  /** The answers to a VM that cannot migrate live, on the "Whole migration" tab. */
  | 'not-live'
  /** Who drives the migration and the confidential VM, on the Variants view (src/ui/variants/). */
  | 'variants';

/** How a value reads on screen; the UI turns this into text with its formatters. */
export interface ValueDisplay {
  as: 'mib' | 'mib-of-memory' | 'mib-of-used' | 'mibps' | 'mbps' | 'ms' | 'rounds' | 'pct' | 'us' | 'count';
  /** Said instead of 0 (a cap of 0 is "no cap"). */
  zero?: string;
}

interface FieldBase<P extends FieldPath> {
  path: P;
  label: string;
  /** Shown on hover and focus, and read out with the control. */
  hint: string;
  group: FieldGroup;
}

export interface SliderField<P extends NumericFieldPath = NumericFieldPath> extends FieldBase<P> {
  control: 'slider';
  /** The values the slider steps through, in order (they may depend on the scenario: used memory). */
  steps: (s: Scenario) => readonly number[];
  /** How the steps are spaced, for sweeps and charts over this field. */
  scale: 'log' | 'linear';
  display: ValueDisplay;
}

export interface ToggleField<P extends FieldPath = FieldPath> extends FieldBase<P> {
  control: 'toggle';
  /** When the switch is not simply the boolean field: what it shows, and what turning it sets. */
  read?: (s: Scenario) => boolean;
  write?: (on: boolean, s: Scenario) => FieldChange[];
}

interface ChoiceOption<V> {
  value: V;
  label: string;
  hint?: string;
}

export interface ChoiceField<P extends FieldPath = FieldPath> extends FieldBase<P> {
  control: 'choice';
  options: readonly ChoiceOption<FieldValue<P>>[];
  /** When choosing sets more than the field: what choosing `value` sets. */
  write?: (value: string, s: Scenario) => FieldChange[];
}

export interface NumberField<P extends NumericFieldPath = NumericFieldPath> extends FieldBase<P> {
  control: 'number';
  /** Arrow-key step of the input. */
  step: number;
  /** The unit written beside the input. */
  unitLabel: string;
}

/** A list with its own editor (faults). */
export interface ListField<P extends FieldPath = FieldPath> extends FieldBase<P> {
  control: 'list';
}

export type FieldDef = SliderField | ToggleField | ChoiceField | NumberField | ListField;

const slider = <P extends NumericFieldPath>(d: Omit<SliderField<P>, 'control'>): SliderField<P> => ({
  control: 'slider',
  ...d,
});
const toggle = <P extends FieldPath>(d: Omit<ToggleField<P>, 'control'>): ToggleField<P> => ({
  control: 'toggle',
  ...d,
});
const choice = <P extends FieldPath>(d: Omit<ChoiceField<P>, 'control'>): ChoiceField<P> => ({
  control: 'choice',
  ...d,
});
const labelled = <V extends string>(values: readonly V[], labels: Record<V, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

const POWERS_OF_TWO_MIB = Array.from({ length: 15 }, (_, i) => 64 * 2 ** i);
const LINK_STEPS = [100, 200, 500, 1000, 2000, 2500, 5000, 10_000, 25_000, 40_000, 100_000];

/** Sizes from 1 MiB up to `max`: 1, 2, 4 ... with half steps, then the whole memory. */
function sizesUpTo(max: number): number[] {
  const out: number[] = [];
  for (let base = 1; base <= max; base *= 2) {
    for (const v of [base, base * 1.5]) if (v < max && !out.includes(v)) out.push(v);
  }
  out.push(max);
  return out;
}

/** Freed memory as shares of the used memory. */
const FREED_SHARES = [0, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75];

/** Room enough for any VM the schema allows. */
const ROOMY = { freeMemoryMiB: 16_777_216, freeVcpus: 64 };

const STRATEGY_LABELS: Record<Scenario['strategy'], string> = {
  precopy: 'Pre-copy',
  postcopy: 'Post-copy',
  hybrid: 'Hybrid',
  stopcopy: 'Stop-and-copy',
};

const STRATEGY_HINTS: Record<Scenario['strategy'], string> = {
  precopy: 'Copy memory while the VM runs, round after round, then pause briefly for the rest.',
  postcopy: 'Move the VM first, then fetch pages on demand and push the rest in the background.',
  hybrid: 'A few pre-copy rounds to warm up, then switch to post-copy.',
  stopcopy: 'Pause, copy everything, resume: simple, with a long blackout.',
};

/** A confidential VM: the host cannot read it, so the options that look inside pages do not apply. */
const isTrustDomain = (s: Scenario) => s.vm.confidential.kind === 'tdx';

/** Turning on the guest's help makes a managed migration paravirtual (a managed guest never helps). */
function withGuestHelp(path: 'precopy.freePageHinting' | 'precopy.stunRogue', on: boolean, s: Scenario): FieldChange[] {
  const changes: FieldChange[] = [{ path, value: on }];
  if (on && s.variant === 'managed') changes.push({ path: 'variant', value: 'paravirtual' });
  return changes;
}

export const FIELDS: readonly FieldDef[] = [
  // The top bar.
  choice({
    path: 'workload.preset',
    group: 'header',
    label: 'Workload preset',
    hint: 'A kind of guest: choosing one sets every workload figure it owns. Editing a figure by hand makes it Custom.',
    options: WORKLOAD_PRESETS.map((p) =>
      p === 'custom'
        ? { value: p, label: 'Custom', hint: 'Figures set by hand' }
        : { value: p, label: WORKLOAD_PRESET_DEFINITIONS[p].label, hint: WORKLOAD_PRESET_DEFINITIONS[p].summary },
    ),
  }),
  choice({
    path: 'strategy',
    group: 'header',
    label: 'Strategy',
    hint: 'How memory moves.',
    options: STRATEGIES.map((s) => ({ value: s, label: STRATEGY_LABELS[s], hint: STRATEGY_HINTS[s] })),
  }),

  // The Controls column.
  slider({
    path: 'vm.memoryMiB',
    group: 'controls',
    label: 'Memory size',
    hint: "The guest's RAM. Used memory and the working set scale with it.",
    steps: () => POWERS_OF_TWO_MIB,
    scale: 'log',
    display: { as: 'mib' },
  }),
  slider({
    path: 'vm.usedMiB',
    group: 'controls',
    label: 'Used memory',
    hint: 'Pages the guest has ever written. The rest are zero pages, which cost almost nothing to send.',
    steps: (s) => Array.from({ length: 21 }, (_, i) => (s.vm.memoryMiB * i) / 20),
    scale: 'linear',
    display: { as: 'mib-of-memory' },
  }),
  slider({
    path: 'workload.writeRateMiBps',
    group: 'controls',
    label: 'Write rate',
    hint: 'How fast the guest writes pages (writes per second × page size). Rewriting a dirty page adds nothing.',
    steps: () => [0, 0.5, 1, 2, 5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300, 400, 600, 800, 1000, 1500, 2000],
    scale: 'log',
    display: { as: 'mibps' },
  }),
  slider({
    path: 'workload.wssMiB',
    group: 'controls',
    label: 'Writable working set',
    hint: 'The pages the guest keeps rewriting: the ceiling where the dirty set saturates. A long round lets it fill up to this; pre-copy converges only if it fits the threshold.',
    steps: (s) => sizesUpTo(s.vm.memoryMiB),
    scale: 'log',
    display: { as: 'mib' },
  }),
  slider({
    path: 'network.linkMbps',
    group: 'controls',
    label: 'Link bandwidth',
    hint: 'Speed of the link between the two hosts. The final copy (the blackout) gets all of it, uncapped, unless other traffic shares the link.',
    steps: () => LINK_STEPS,
    scale: 'log',
    display: { as: 'mbps' },
  }),
  slider({
    path: 'network.capMbps',
    group: 'controls',
    label: 'Migration bandwidth cap',
    hint: 'Throttle on the migration stream, to spare other services. QEMU lifts it for the final copy.',
    steps: () => [0, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 2500, 5000, 10_000, 25_000, 40_000, 100_000],
    scale: 'log',
    display: { as: 'mbps', zero: 'no cap' },
  }),
  slider({
    path: 'precopy.downtimeLimitMs',
    group: 'controls',
    label: 'Downtime limit',
    hint: 'The longest pause allowed. Pre-copy stops once the dirty bytes fit in bandwidth × this limit.',
    steps: () => [10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000],
    scale: 'log',
    display: { as: 'ms' },
  }),
  slider({
    path: 'precopy.maxIterations',
    group: 'controls',
    label: 'Max iterations',
    hint: 'Cap on pre-copy rounds, as a management layer sets one (QEMU itself has none). Then: forced stop or abort.',
    steps: () => [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100],
    scale: 'log',
    display: { as: 'rounds', zero: 'no cap' },
  }),
  toggle({
    path: 'precopy.trackFromBoot',
    group: 'controls',
    label: 'Dirty tracking from boot',
    hint: 'Writes were tracked since the VM booted, so round 1 can skip pages never written instead of scanning them. Never for a confidential VM: every page must be exported.',
    read: (s) => s.precopy.trackFromBoot && !isTrustDomain(s),
  }),
  toggle({
    path: 'precopy.autoConverge',
    group: 'controls',
    label: 'Auto-converge',
    hint: "QEMU's lever: throttle the vCPUs (20 %, then +10 % steps, up to 99 %) when, twice over, the guest dirtied more than half the bytes sent in a second.",
  }),
  toggle({
    path: 'precopy.zeroPageDetection',
    group: 'controls',
    label: 'Zero-page detection',
    hint: 'Send never-written pages as 9-byte markers instead of full 4 KiB pages. Never for a confidential VM: the host cannot see what a page holds.',
    read: (s) => s.precopy.zeroPageDetection && !isTrustDomain(s),
  }),

  // More settings.
  choice({
    path: 'precopy.stopRule',
    group: 'more',
    label: 'Stop rule',
    hint: "What ends pre-copy: QEMU's threshold test, Xen's small-set and round-cap rules, or no-progress detection.",
    options: labelled(STOP_RULES, {
      qemu: 'QEMU: fits in bandwidth × limit',
      xen: 'Xen: < 50 pages or round cap',
      'xen-legacy': 'Old Xen: also 3× memory sent',
      'no-progress': 'Stop when no progress',
    }),
  }),
  choice({
    path: 'precopy.onNoConvergence',
    group: 'more',
    label: 'If pre-copy does not converge',
    hint: 'At the round cap or timeout: force a stop-and-copy (a long blackout) or abort and stay on the source.',
    options: [
      { value: 'stop-and-copy', label: 'Force stop-and-copy' },
      { value: 'abort', label: 'Abort, stay on source' },
    ],
  }),
  choice({
    path: 'workload.pattern',
    group: 'more',
    label: 'Write pattern',
    hint: "How the guest's writes spread over its working set.",
    options: labelled(WRITE_PATTERNS, {
      uniform: 'Uniform',
      hotcold: 'Hot / cold',
      sequential: 'Sequential sweep',
      zipf: 'Zipf (skewed)',
    }),
  }),
  slider({
    path: 'network.rttMs',
    group: 'more',
    label: 'Round-trip time',
    hint: 'Latency between the hosts. Each post-copy fault waits at least one round trip.',
    steps: () => [0, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100],
    scale: 'log',
    display: { as: 'ms' },
  }),
  slider({
    path: 'network.otherTrafficMbps',
    group: 'more',
    label: "Other services' traffic",
    hint: 'What neighbours on the source host want to send. An uncapped migration takes its fair share from them.',
    steps: () => [0, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000],
    scale: 'log',
    display: { as: 'mbps', zero: 'none' },
  }),
  choice({
    path: 'postcopy.prepaging',
    group: 'more',
    label: 'Post-copy pre-paging',
    hint: 'After a fault, push the pages next to it first, hoping the guest touches them soon.',
    options: labelled(PREPAGING, {
      none: 'Off: address order',
      forward: 'After each fault (QEMU)',
      bubble: 'Around each fault (bubbling)',
    }),
  }),
  slider({
    path: 'hybrid.switchAfterRounds',
    group: 'more',
    label: 'Hybrid: pre-copy rounds first',
    hint: 'How many pre-copy rounds run before the hybrid strategy switches to post-copy.',
    steps: () => [1, 2, 3, 4, 5, 6, 8, 10],
    scale: 'linear',
    display: { as: 'rounds' },
  }),
  toggle({
    path: 'precopy.freePageHinting',
    group: 'more',
    label: 'Free-page hinting',
    hint: 'Paravirtual help: the guest tells the host which pages it freed, so they are never sent.',
    read: (s) => s.precopy.freePageHinting && !isTrustDomain(s),
    write: (on, s) => withGuestHelp('precopy.freePageHinting', on, s),
  }),
  slider({
    path: 'vm.freeMiB',
    group: 'more',
    label: 'Freed memory',
    hint: 'Of the used memory, what the guest has freed again. With free-page hinting (or a guest that moves itself) it is skipped; otherwise it goes like any used page.',
    steps: (s) => FREED_SHARES.map((share) => Math.round(s.vm.usedMiB * share * 1000) / 1000),
    scale: 'linear',
    display: { as: 'mib-of-used' },
  }),
  toggle({
    path: 'precopy.stunRogue',
    group: 'more',
    label: 'Stun a rogue writer',
    hint: 'Paravirtual help: when the dirty set stops shrinking, the guest freezes the process dirtying memory fastest.',
    write: (on, s) => withGuestHelp('precopy.stunRogue', on, s),
  }),
  toggle({
    path: 'vm.pageKiB',
    group: 'more',
    label: '2 MiB huge pages',
    hint: 'Track memory in 2 MiB pages: fewer pages to scan, but one written byte dirties 2 MiB.',
    read: (s) => s.vm.pageKiB === 2048,
    write: (on) => [{ path: 'vm.pageKiB', value: on ? 2048 : 4 }],
  }),

  // Whole migration.
  toggle({
    path: 'destination.freeMemoryMiB',
    group: 'whole-migration',
    label: 'Destination has room',
    hint: 'Step 1 reserves memory and vCPUs on the destination; without room the migration is refused before anything is copied.',
    read: (s) => s.destination.freeMemoryMiB >= s.vm.memoryMiB && s.destination.freeVcpus >= s.vm.vcpus,
    write: (on, s) => [
      { path: 'destination.freeMemoryMiB', value: on ? ROOMY.freeMemoryMiB : Math.floor(s.vm.memoryMiB / 2) },
      { path: 'destination.freeVcpus', value: on ? ROOMY.freeVcpus : Math.max(0, s.vm.vcpus - 2) },
    ],
  }),
  toggle({
    path: 'destination.cpuFeaturesMatch',
    group: 'whole-migration',
    label: 'Same CPU features',
    hint: 'Step 2 checks the destination CPU offers every feature the guest already uses.',
  }),
  toggle({
    path: 'destination.firmwareMatch',
    group: 'whole-migration',
    label: 'Compatible firmware',
    hint: 'Step 2 also checks the firmware on the destination can resume this VM.',
  }),
  toggle({
    path: 'destination.driversMatch',
    group: 'whole-migration',
    label: 'Matching drivers',
    hint: "Step 2: hypervisor and device-model versions must be able to read the VM's device state.",
  }),
  choice({
    path: 'resources.disk',
    group: 'whole-migration',
    label: 'Disk',
    hint: 'Network storage is reachable from both hosts by the same name; a local disk must be copied, or it stays behind and ties the VM to the source.',
    options: labelled(DISK_MODES, {
      network: 'Network storage (global name)',
      copy: 'Local disk, copied first',
      'leave-behind': 'Local disk, left on the source',
    }),
  }),
  choice({
    path: 'resources.networkIdentity',
    group: 'whole-migration',
    label: 'Network address',
    hint: 'A global address (L2 or NAT managed) follows the VM; a host-bound one leaves the source forwarding its traffic.',
    options: [
      { value: 'global', label: 'Follows the VM (global)' },
      { value: 'host-bound', label: 'Bound to the source host' },
    ],
  }),
  toggle({
    path: 'devices.passthroughGpu',
    group: 'whole-migration',
    label: 'Passthrough GPU or FPGA',
    hint: 'Device state lives in hardware the hypervisor cannot snapshot.',
  }),
  toggle({
    path: 'devices.sriovNic',
    group: 'whole-migration',
    label: 'SR-IOV network card',
    hint: 'A slice of a physical NIC passed straight to the guest: its queues cannot be carried over.',
  }),
  toggle({
    path: 'devices.hostBoundTpm',
    group: 'whole-migration',
    label: 'TPM bound to the host',
    hint: "TPM state sealed to the source host's endorsement key cannot be re-created elsewhere.",
  }),
  slider({
    path: 'devices.latencyBudgetMs',
    group: 'whole-migration',
    label: 'Latency budget',
    hint: 'The longest pause the workload tolerates. Below the shortest possible blackout, nothing can move it live.',
    steps: () => [0, 0.5, 1, 2, 5, 10, 50, 100, 300, 750, 1000],
    scale: 'log',
    display: { as: 'ms', zero: 'none' },
  }),
  {
    control: 'list',
    path: 'faults',
    group: 'whole-migration',
    label: 'Fault injection',
    hint: 'What fails, when (a time or a step), and for how long.',
  },

  // Elsewhere.
  {
    control: 'number',
    path: 'host.carryMinutes',
    group: 'spectrum',
    label: 'Time to carry the disk',
    hint: 'Suspend and carry: how long it takes to take the saved VM to the other place.',
    step: 5,
    unitLabel: 'minutes',
  },
  choice({
    path: 'devices.whenNotLive',
    group: 'not-live',
    label: 'When live migration is impossible',
    hint: 'What real platforms offer for a VM whose state cannot be captured live.',
    options: [
      { value: 'drain-checkpoint', label: 'Give notice: drain and checkpoint' },
      { value: 'terminate-restart', label: 'Terminate and restart' },
      { value: 'paravirtual', label: 'Swap in a paravirtual device' },
      { value: 'refuse', label: 'Refuse' },
    ],
  }),
  // The Variants view.
  ...VARIANT_FIELDS,
];

const BY_PATH = new Map<string, FieldDef>(FIELDS.map((f) => [f.path, f]));

/** The registry entry of a field, if the app presents it. */
export function fieldDef(path: string): FieldDef | undefined {
  return BY_PATH.get(path);
}

/** The fields of one panel, in display order. */
export function fieldsIn(group: FieldGroup): FieldDef[] {
  return FIELDS.filter((f) => f.group === group);
}

/** A numeric field's range, read from the schema. */
export function fieldRange(path: FieldPath): { min: number; max: number; integer: boolean } | null {
  const node = schemaAt(path.split('.')) as unknown as
    { def: { type: string }; minValue: number | null; maxValue: number | null; isInt?: boolean } | undefined;
  if (!node || node.def.type !== 'number') return null;
  return { min: node.minValue ?? -Infinity, max: node.maxValue ?? Infinity, integer: node.isInt === true };
}

/** The unit a field's name carries (`linkMbps`: Mbit/s). */
export const fieldUnit = (path: FieldPath): string => unitOfField(path);

/** Whether the field may change mid-run, as an intervention at a simulated time. */
export function isLiveField(path: string): path is (typeof INTERVENTION_PATHS)[number] {
  return (INTERVENTION_PATHS as readonly string[]).includes(path);
}
