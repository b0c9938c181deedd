import type { FleetTrace, VmFate } from '../../engine';
import type { FleetProbe } from '../../state/fleetStore';
import { formatBytes, formatMs } from '../format';

/** In words, what the maintenance-event key tells the guest. */
const KEY_MEANING: Record<VmFate['maintenanceEvent'], string> = {
  NONE: 'nothing is planned',
  MIGRATE_ON_HOST_MAINTENANCE: 'it is about to be live-migrated',
  TERMINATE_ON_HOST_MAINTENANCE: 'it is about to be stopped',
};

export interface NoticeStory {
  fate: VmFate;
  lines: string[];
}

/**
 * What a simulated maintenance event did to its VM, step by step and with the run's own numbers: the
 * notice the guest got, then the move (its brownout and blackout) or the stop and what came after.
 */
export function noticeStory(trace: FleetTrace, vm: number): NoticeStory | null {
  const fate = trace.fates.find((f) => f.vm === vm && f.reason === 'simulate-maintenance');
  if (!fate) return null;
  const v = trace.layout.vms[vm];
  const lines: string[] = [];
  const s = (ms: number) => formatMs(ms);
  if (fate.outcome === 'refused') return { fate, lines: [`Refused: ${fate.detail ?? 'the event could not run'}.`] };
  if (fate.noticeMs > 0)
    lines.push(
      `Notice: the maintenance-event metadata key reads ${fate.maintenanceEvent} (${KEY_MEANING[fate.maintenanceEvent]}) for ${s(fate.noticeMs)} before anything happens.`,
    );
  else if (!v.pollsMetadata)
    lines.push(`No notice: this guest does not watch the maintenance-event key, so it learns nothing in advance.`);
  else
    lines.push(
      `No advance notice: the key reads ${fate.maintenanceEvent} (${KEY_MEANING[fate.maintenanceEvent]}) only as it happens: a TERMINATE VM without a GPU gets no warning ahead (notice.terminateS is 0 s, as on Compute Engine).`,
    );
  const policy = `Its policy: on host maintenance ${v.onHostMaintenance}${v.onHostMaintenance === 'TERMINATE' ? `, automatic restart ${v.automaticRestart ? 'on' : 'off'}` : ''}${v.passthroughGpu ? ', a passthrough GPU' : ''}${v.confidential ? ', confidential' : ''}.`;
  lines.push(policy);
  if (fate.action === 'migrate') {
    const m = fate.migration === null ? null : trace.migrations[fate.migration];
    if (m) {
      const brownout =
        m.blackoutStartMs !== null && m.precopyStartMs !== null
          ? m.blackoutStartMs - m.precopyStartMs
          : m.endMs - m.startMs;
      lines.push(
        `Live migration to ${trace.layout.hosts[m.destination]?.name}: ${s(m.endMs - m.startMs)} in all; the guest runs slowed (brownout) for ${s(brownout)} of pre-copy over ${m.iterations} rounds, then pauses ${s(m.blackoutMs)} (blackout); ${formatBytes(m.bytes)} sent.`,
      );
      if (m.outcome !== 'completed')
        lines.push(`The migration did not complete (${m.stopReason}); the VM stayed where it was.`);
    }
  } else {
    if (fate.stoppedAtMs !== null)
      lines.push(`Terminated at ${s(fate.stoppedAtMs)}: the guest is shut down; whatever was in its memory is gone.`);
    if (fate.runningAgainAtMs !== null)
      lines.push(
        `Restarted automatically: running again at ${s(fate.runningAgainAtMs)}, ${s(fate.runningAgainAtMs - (fate.stoppedAtMs ?? 0))} down (a fresh boot, not a resume).`,
      );
    else if (fate.outcome === 'waiting-for-operator')
      lines.push('Automatic restart is off: it stays stopped until an operator starts it again.');
    else if (fate.detail) lines.push(fate.detail);
  }
  return { fate, lines };
}

/** The result of "Simulate maintenance event" for one VM. */
export function MaintenanceNotice({
  probe,
  onOpenMigration,
}: {
  probe: FleetProbe;
  onOpenMigration: (trace: FleetTrace, id: number) => void;
}) {
  const vmName = probe.scenario ? `vm${probe.vm}` : `VM ${probe.vm}`;
  if (probe.status === 'running') return <p role="status">Simulating a maintenance event for {vmName}…</p>;
  if (probe.status === 'failed') return <p role="alert">The simulation stopped with an error: {probe.error}</p>;
  if (!probe.trace) return null;
  const story = noticeStory(probe.trace, probe.vm);
  if (!story) return <p role="status">No maintenance event reached {vmName}.</p>;
  const m = story.fate.migration === null ? null : probe.trace.migrations[story.fate.migration];
  return (
    <div className="fleet-notice" role="status" aria-label={`Simulated maintenance event for ${vmName}`}>
      <h3>Simulated maintenance event: {vmName}</h3>
      <p className="fleet-notice__key">
        maintenance-event = <code>{story.fate.maintenanceEvent}</code>
        {story.fate.noticeMs > 0 ? `, ${formatMs(story.fate.noticeMs)} ahead` : ', no advance notice'}
      </p>
      <ol>
        {story.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ol>
      {m && (
        <button type="button" onClick={() => onOpenMigration(probe.trace!, m.id)}>
          Open this migration in the lab
        </button>
      )}
    </div>
  );
}
