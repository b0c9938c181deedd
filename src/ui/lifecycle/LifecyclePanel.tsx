import { useState } from 'react';
import type { Trace } from '../../engine';
import { fieldDef, type ChoiceField } from '../../state/fields';
import type { Run, Staleness } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { StaleLabel } from '../StaleLabel';
import { formatMs } from '../format';
import { CLIENTS, survives } from './clients';
import { eventSentence } from '../text/eventText';
import { stopReasonText, summaryFailure } from '../text/outcomeText';
import { controlPlaneVerdict } from './controlPlane';
import './lifecycle.css';
import { timeSyncPlan } from './timeSync';

/** One sentence on how it all ended, and what state the two hosts are left in. */
function outcomeOf(trace: Trace): { tone: string; text: string } {
  const s = trace.summary;
  const sc = trace.scenario;
  if (s.outcome === 'failed') return { tone: 'failed', text: `The VM is lost: ${summaryFailure(s, sc)}.` };
  if (s.outcome === 'aborted')
    return {
      tone: 'aborted',
      text: `${s.failureCode || s.failure ? `Stopped: ${summaryFailure(s, sc)}.` : 'Migration abandoned.'} The VM keeps running on the source; the destination holds nothing of it.`,
    };
  if (s.outcome === 'unfinished')
    return {
      tone: 'aborted',
      text: `Unfinished: ${stopReasonText(s, sc)}. The VM runs on the ${s.vmLocation}; nothing is decided yet.`,
    };
  if (!s.sourceDeletable)
    return { tone: 'blocked', text: 'Completed, but the source must stay up: something still depends on it.' };
  if (s.stopReason === 'offline-move')
    return {
      tone: 'done',
      text: `Moved without live migration: the VM was down for ${formatMs(s.downtimeMs)} and lost ${s.stateLost}.`,
    };
  return { tone: 'done', text: 'Completed: the VM runs on the destination and the source has been deleted.' };
}

const NOT_LIVE = fieldDef('devices.whenNotLive') as ChoiceField<'devices.whenNotLive'>;

function NotLiveChoices({ trace }: { trace: Trace }) {
  const change = useWorkspace((s) => s.changeField);
  const refused = trace.summary.stopReason === 'refused' && trace.lifecycle?.[1]?.status === 'refused';
  const d = trace.scenario.devices;
  const special = d.passthroughGpu || d.sriovNic || d.hostBoundTpm || d.hardwareSecrets || d.latencyBudgetMs > 0;
  if (!special) return null;
  const { options } = NOT_LIVE;
  return (
    <section className="lifecycle-card lifecycle-card--wide" aria-label="What cannot migrate live">
      <h3>What cannot migrate live</h3>
      <p>
        {refused
          ? `The platform refuses to move this VM live: ${trace.summary.refusals.join('; ')}.`
          : `This VM has state the hypervisor cannot capture; it was handled by: ${options.find((o) => o.value === d.whenNotLive)!.label.toLowerCase()}.`}
      </p>
      <p>What real platforms offer instead (the run updates when you choose):</p>
      <div
        className="choices"
        role="group"
        aria-label="Choices for a VM that cannot move live"
        data-field={NOT_LIVE.path}
      >
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            aria-pressed={d.whenNotLive === o.value}
            onClick={() => change('devices.whenNotLive', o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
      <p>
        Consequence now: down {formatMs(trace.summary.downtimeMs)}; state lost: {trace.summary.stateLost}; the guest{' '}
        {trace.summary.guestCooperation ? 'has to cooperate' : 'need not cooperate'}.
      </p>
    </section>
  );
}

/** The "Whole migration" tab: everything around the memory copy, read at the playhead. */
export function LifecyclePanel({ run, stale }: { run: Run | null; stale: Staleness | null }) {
  const tMs = useWorkspace((s) => s.playhead.tMs);
  const seek = useWorkspace((s) => s.seek);
  const [action, setAction] = useState<{ accepted: boolean; text: string; atMs: number } | null>(null);
  const trace = run?.trace;
  if (!trace) return <p className="muted">Waiting for the engine…</p>;
  const lifecycle = trace.lifecycle;
  const s = trace.summary;
  const outcome = outcomeOf(trace);
  const moved = s.outcome === 'completed' && s.stopReason !== 'offline-move';
  const sync = timeSyncPlan(s.clockJumpMs);
  return (
    <section className="lifecycle-panel" aria-label="Whole migration">
      <StaleLabel stale={stale} />
      <p className={`outcome outcome--${outcome.tone}`} role="status" aria-label="Outcome">
        {outcome.text}
      </p>
      <NotLiveChoices trace={trace} />
      <section className="lifecycle-card" aria-label="What happened">
        <h3>What happened</h3>
        <ol className="event-log">
          {trace.events.map((e, i) => (
            <li key={i} className={e.tMs > tMs ? 'is-future' : ''}>
              <button type="button" onClick={() => seek(e.tMs)}>
                <span className="event-log__time">{formatMs(e.tMs)}</span>
                <span>{eventSentence(e, trace)}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section className="lifecycle-card" aria-label="Clients and the network">
        <h3>Clients and the network</h3>
        <p>
          {moved
            ? `Clients could not reach the VM for ${formatMs(s.unreachableMs)}. At resume the VM announces itself with a gratuitous ARP: it keeps its IP and MAC addresses, and the switches learn that the MAC now sits behind the destination's port. Packets sent during the blackout were lost and TCP retransmits them${trace.scenario.host.forwardingMs > 0 ? `; the source forwards stray packets for ${formatMs(trace.scenario.host.forwardingMs)}` : ''}.`
            : s.outcome === 'aborted' ||
                (s.outcome === 'unfinished' && s.vmLocation === 'source' && s.pausedAtMs === null)
              ? 'The VM never left the source, so clients kept their connections.'
              : s.outcome === 'unfinished'
                ? 'The migration was still under way when the simulation stopped.'
                : 'The VM stopped answering: every connection eventually breaks.'}
        </p>
        <table className="clients">
          <caption className="muted">Which connections survive {formatMs(s.unreachableMs)} of silence</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Gives up after</th>
              <th scope="col">Survives?</th>
            </tr>
          </thead>
          <tbody>
            {CLIENTS.map((c) => {
              const ok = s.outcome !== 'failed' && survives(c, s.unreachableMs);
              return (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>{formatMs(c.toleranceMs)}</td>
                  <td className={ok ? 'ok' : 'broken'}>{ok ? 'yes' : `no: ${c.failure}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">
          Why a 750 ms rule beside a 15-minute SSH session: TCP itself retransmits with back-off and keeps a connection
          through minutes of silence; what gives up first are the timers applications and protocols put on top of it,
          heartbeats and request timeouts.
        </p>
      </section>
      <section className="lifecycle-card" aria-label="Guest clock">
        <h3>Guest clock</h3>
        {s.outcome === 'failed' ? (
          <p>The VM is lost: its clock never runs again.</p>
        ) : s.resumedAtMs === null && s.pausedAtMs !== null ? (
          <p>The VM was paused for {formatMs(s.clockJumpMs)} and resumed on the source, its clock that far behind.</p>
        ) : s.clockJumpMs > 0 ? (
          <p>
            The guest&apos;s clock stood still for the {formatMs(s.clockJumpMs)} pause, so on resume it is{' '}
            {formatMs(s.clockJumpMs)} behind real time.{' '}
            {sync.stepped
              ? 'An offset over a second is usually stepped at once (by chrony when told to with makestep, by ntpd, or by the management tools setting the clock through the guest agent), which applications may notice.'
              : `A time-sync daemon such as chrony slews it back at up to 83,333 ppm by default, which takes about ${formatMs(sync.slewMs)}. (ntpd slews at most 500 ppm, and steps offsets over 128 ms instead.)`}
          </p>
        ) : (
          <p>
            No live pause, so no clock jump{s.stopReason === 'offline-move' ? ': the VM booted with a fresh clock' : ''}
            .
          </p>
        )}
      </section>
      <section className="lifecycle-card" aria-label="Residual dependencies">
        <h3>Residual dependencies</h3>
        {s.residualDependencies.length ? (
          <>
            <ul>
              {s.residualDependencies.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            <p>The source cannot be deleted while these remain (local names left behind).</p>
          </>
        ) : (
          <p>
            {s.outcome === 'completed'
              ? 'None: storage and the network address are global names, memory moved with the VM. The source can be deleted.'
              : s.outcome === 'failed'
                ? 'None left to keep: the VM was lost, so there is nothing on either host to depend on.'
                : s.vmLocation === 'destination'
                  ? 'The VM runs on the destination but still needs pages from the source: the migration had not finished.'
                  : 'None: the VM never moved.'}
            {s.dependencyWindowMs > 0 &&
              ` During post-copy the destination needed the source for ${formatMs(s.dependencyWindowMs)}.`}
          </p>
        )}
      </section>
      {lifecycle && (
        <section className="lifecycle-card" aria-label="Control plane">
          <h3>Control plane</h3>
          <p>While the VM migrates, administrative changes to it are held back.</p>
          <button
            type="button"
            onClick={() => setAction({ ...controlPlaneVerdict({ ...trace, lifecycle }, tMs), atMs: tMs })}
          >
            Try to resize the VM (add a vCPU)
          </button>
          {action && (
            <p
              role="status"
              className={`control-plane-result control-plane-result--${action.accepted ? 'accepted' : 'refused'}`}
            >
              At {formatMs(action.atMs)}: {action.text}
            </p>
          )}
        </section>
      )}
    </section>
  );
}
