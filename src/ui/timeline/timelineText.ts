import type { Intervention, InterventionPath, Phase, Round, Trace } from '../../engine';
import { formatBytes, formatCount, formatMbps, formatMiB, formatMs } from '../format';

/** The timeline's wording: band titles, round names, intervention labels. */

export function roundTitle(round: Round, pageBytes: number): string {
  const left = round.dirtyPagesAtEnd;
  return (
    `Round ${round.index}: ${formatMs(round.endMs - round.startMs)}, ${formatBytes(round.bytesSent)} sent, ` +
    `${formatCount(left)} ${left === 1 ? 'page' : 'pages'} (${formatBytes(left * pageBytes)}) marked at the sync`
  );
}

/** Labels to try inside a round's bar, longest first. */
export function roundBarLabels(round: Round, pageBytes: number): string[] {
  const sent = `${formatBytes(round.bytesSent)} sent`;
  return [`${sent}, ${formatBytes(round.dirtyPagesAtEnd * pageBytes)} to send next`, sent];
}

const PHASE_MEANING: Record<Phase['kind'], string> = {
  setup: 'getting ready to copy',
  disk: 'the local disk is copied ahead of memory while the VM runs',
  drain: 'the workload finishes its work and saves a checkpoint',
  offline: 'the VM is shut down and started again on the destination',
  precopy: 'copying memory while the VM runs',
  blackout: 'the VM is paused while the last pages and the device state move',
  postcopy: 'the VM runs on the destination and fetches the pages it still lacks from the source',
};

const PHASE_NAME: Record<Phase['kind'], string> = {
  setup: 'Setup',
  disk: 'Disk copy',
  drain: 'Drain',
  offline: 'Offline',
  precopy: 'Pre-copy',
  blackout: 'Blackout',
  postcopy: 'Post-copy',
};

/** A phase's name on screen: "Pre-copy", "Blackout"... */
export const phaseName = (kind: Phase['kind']): string => PHASE_NAME[kind];

export function phaseTitle(phase: Phase): string {
  return `${PHASE_NAME[phase.kind]}: ${formatMs(phase.endMs - phase.startMs)}, ${PHASE_MEANING[phase.kind]}`;
}

const INTERVENTION_NAMES: Record<InterventionPath, { name: string; format?: (value: number) => string }> = {
  'workload.writeRateMiBps': { name: 'write rate', format: (v) => `${formatCount(v)} MiB/s` },
  'workload.wssMiB': { name: 'working set', format: formatMiB },
  'workload.pattern': { name: 'write pattern' },
  'network.linkMbps': { name: 'link', format: formatMbps },
  'network.capMbps': { name: 'bandwidth cap', format: (v) => (v === 0 ? 'none' : formatMbps(v)) },
  'network.rttMs': { name: 'round trip', format: formatMs },
  'network.vmTrafficMbps': { name: "VM's own traffic", format: formatMbps },
  'network.otherTrafficMbps': { name: 'other traffic', format: formatMbps },
  'precopy.downtimeLimitMs': { name: 'downtime limit', format: formatMs },
  'precopy.autoConverge': { name: 'auto-converge' },
};

/** What an intervention changes, by name, and its new value as the app shows it. */
export function interventionParts({ path, value }: Pick<Intervention, 'path' | 'value'>): {
  name: string;
  shown: string;
} {
  const { name, format } = INTERVENTION_NAMES[path];
  const shown =
    typeof value === 'boolean' ? (value ? 'on' : 'off') : typeof value === 'number' && format ? format(value) : value;
  return { name, shown: String(shown) };
}

/** "bandwidth cap → 200 Mbit/s": what the flag shows. */
export function interventionLabel(iv: Intervention): string {
  const { name, shown } = interventionParts(iv);
  return `${name} → ${shown}`;
}

/** "Remove intervention at 12.3 s: network.capMbps = 100": the remove button's name, exact path and value. */
export function removeInterventionName({ atMs, path, value }: Intervention): string {
  return `Remove intervention at ${formatMs(atMs)}: ${path} = ${String(value)}`;
}

/** What the round-bar row says when a run has no pre-copy rounds, by why it has none. */
export function noRoundsText(trace: Trace): string {
  const s = trace.summary;
  if (s.stopReason === 'refused') return 'No pre-copy rounds: the migration was refused before anything was copied.';
  if (s.stopReason === 'offline-move') return 'No pre-copy rounds: the VM was moved offline.';
  if (s.strategy === 'stopcopy') return 'No pre-copy rounds: stop-and-copy sends everything during one pause.';
  if (s.strategy === 'postcopy') return 'No pre-copy rounds: every page is sent once, after the switch.';
  if (s.outcome === 'unfinished') return 'No pre-copy round yet: the simulation stopped first.';
  return 'No pre-copy round finished.';
}
