import type { Scenario } from '../scenario/schema';
import type { FailureCode } from './events';

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/**
 * The summary's one-sentence account of a failure, for the CLI and saved traces (the app words the code
 * itself). Figures come from the scenario that set the limits.
 */
export function failureSentence(code: FailureCode, s: Scenario): string {
  switch (code) {
    case 'stream-timeout':
      return `the migration stream moved nothing for ${seconds(s.host.streamTimeoutMs)} during a network drop and was declared broken`;
    case 'postcopy-unrecoverable':
      return `the network stayed down longer than post-copy can recover in this scenario (its recovery limit, postcopy.recoveryMs, is ${seconds(s.postcopy.recoveryMs)}) while the destination still needed pages from the source`;
    case 'destination-crash-before-commit':
      return 'the destination crashed before the commit';
    case 'destination-crash-after-takeover':
      return 'the destination crashed after it had taken over; the copy left on the source is out of date';
    case 'destination-crash-after-start-token':
      return 'the destination crashed after the start token: the source TD may resume only with an abort token from the destination, which can no longer make one';
    case 'source-crash-running':
      return 'the source host crashed while the VM was running on it';
    case 'source-crash-postcopy':
      return 'the source crashed while the destination still fetched pages from it';
    case 'source-crash-blackout':
      return 'the source crashed during the blackout, before the final copy was complete';
    case 'refused':
      return 'refused before anything was copied';
  }
}
