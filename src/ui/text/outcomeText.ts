import type { FailureCode } from '../../engine';
import type { Scenario, Strategy } from '../../engine';
import type { StopReason, Summary } from '../../engine';
import { formatMbps, formatMs } from '../format';
import { count } from './plural';

/** How each strategy is called on screen. */
export const STRATEGY_NAMES: Record<Strategy, string> = {
  precopy: 'pre-copy',
  postcopy: 'post-copy',
  hybrid: 'hybrid (pre-copy, then post-copy)',
  stopcopy: 'stop-and-copy',
};

/** A stop reason as a short label for a card: no codes on screen. */
export const STOP_REASON_LABELS: Record<StopReason, string> = {
  converged: 'Converged',
  'dirty-set-small': 'Dirty set small enough',
  'max-iterations': 'Round cap reached',
  'sent-factor': 'Sent too much',
  'no-progress': 'No progress',
  'little-left': 'Little left dirty',
  'rate-above-max': 'Rate limit reached',
  timeout: 'Timeout',
  'simulation-limit': 'Simulation limit',
  'never-converges': 'Never converges',
  'postcopy-switch': 'Planned switch to post-copy',
  'not-iterative': 'No pre-copy rounds',
  refused: 'Refused',
  fault: 'Fault',
  'offline-move': 'Moved offline',
};

/** Why pre-copy ended, as a sentence that matches what happened after (forced stop, abort, a fault...). */
export function stopReasonText(s: Pick<Summary, 'stopReason' | 'outcome' | 'strategy'>, scenario: Scenario): string {
  const forced =
    s.outcome === 'aborted'
      ? 'the migration was abandoned and the VM stayed on the source'
      : 'the rest was forced through in one long blackout';
  switch (s.stopReason) {
    case 'converged':
      return 'pre-copy converged: what was still marked fitted under the stop threshold, so the rest could go in one short pause';
    case 'dirty-set-small':
      return `fewer than ${count(scenario.precopy.xenTargetDirtyPages, 'page')} were dirty (Xen's rule), so pre-copy stopped`;
    case 'max-iterations':
      return `the cap of ${count(scenario.precopy.maxIterations, 'round')} was reached before the dirty set fitted: ${forced}`;
    case 'sent-factor':
      return `more than ${scenario.precopy.xenMaxSentFactor} times the memory had been sent (old Xen rule): ${forced}`;
    case 'no-progress':
      return `a round shrank the dirty set by too little, so more rounds would not help: ${forced}`;
    case 'little-left':
      return `less than 256 KiB was left dirty (dynamic rate limiting), so pre-copy stopped and the rest went at ${formatMbps(scenario.network.adaptiveMaxMbps)}`;
    case 'rate-above-max':
      return `keeping up with the guest would have taken more than dynamic rate limiting's ${formatMbps(scenario.network.adaptiveMaxMbps)}, so pre-copy stopped and the rest went at that rate in one blackout`;
    case 'timeout':
      return `the ${scenario.precopy.timeoutS} s timeout of the management layer expired before pre-copy converged: ${forced}`;
    case 'simulation-limit':
      return 'the simulation reached its own limit on simulated time; the migration itself had not ended';
    case 'never-converges':
      return 'the dirty set stayed pinned above the threshold round after round, and nothing (a cap, a timeout, auto-converge) would end pre-copy: it would copy forever, so the simulation stopped it';
    case 'postcopy-switch':
      return 'the planned switch to post-copy: execution moved and the remaining pages followed on demand (a plan, not a failure to converge)';
    case 'not-iterative':
      return s.strategy === 'postcopy'
        ? 'post-copy has no pre-copy rounds: execution moves first, then every page is sent once'
        : 'stop-and-copy has no pre-copy rounds: everything is sent during one pause';
    case 'refused':
      return 'the destination or the platform refused before anything was copied';
    case 'fault':
      return 'an injected fault ended the migration';
    case 'offline-move':
      return 'the VM could not move live, so it was moved offline';
  }
}

/** What went wrong, in the app's words, with the scenario's figures. */
export function failureText(code: FailureCode, scenario: Scenario): string {
  switch (code) {
    case 'stream-timeout':
      return `the migration stream carried nothing for ${formatMs(scenario.host.streamTimeoutMs)} during a network drop and was given up as broken`;
    case 'postcopy-unrecoverable':
      return (
        `the network stayed down past this scenario's post-copy recovery limit (${formatMs(scenario.postcopy.recoveryMs)}, postcopy.recoveryMs) ` +
        'while the destination still needed pages from the source. The limit is the scenario’s choice, not a law: QEMU keeps a paused post-copy and can resume it once the link is back'
      );
    case 'destination-crash-before-commit':
      return 'the destination crashed before the commit, so the source still holds the only good copy';
    case 'destination-crash-after-takeover':
      return 'the destination crashed after it had taken over; the copy left on the source is out of date';
    case 'destination-crash-after-start-token':
      return 'the destination crashed after the start token was sent; a source TD may only resume with the abort token the destination would have issued, and a crashed destination cannot issue it';
    case 'source-crash-running':
      return 'the source host crashed while the VM was running on it';
    case 'source-crash-postcopy':
      return 'the source crashed while the destination still fetched pages from it';
    case 'source-crash-blackout':
      return 'the source crashed during the blackout, before the destination had everything it needs';
    case 'refused':
      return 'the migration was refused before anything was copied';
  }
}

/** A summary's failure in the app's words (its code), or its own sentence when it has no code. */
export function summaryFailure(s: Pick<Summary, 'failureCode' | 'failure'>, scenario: Scenario): string {
  return s.failureCode ? failureText(s.failureCode, scenario) : (s.failure ?? '');
}
