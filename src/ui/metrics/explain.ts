import type { Trace } from '../../engine';
import type { MetricKey } from '../../state/workspace';
import { diagnose } from './diagnosis';
import { explainDowntime } from './explainDowntime';
import { explainRounds, explainStopReason, explainThreshold } from './explainStop';
import { explainBytes, explainImpact, explainTotalTime } from './explainTransfer';
import type { Explanation } from './explanation';

export { explainRound } from './explainRound';
export type { Explanation, Step } from './explanation';

/**
 * The "why?" panels. Every term is a figure the engine recorded (the blackout part by part, bytes by
 * kind, the rate window behind the threshold, lost work by cause), never the UI redoing the engine's
 * arithmetic with its own constants or the scenario's starting values, so each adds up in every run.
 */

function explainDiagnosis(trace: Trace): Explanation {
  const d = diagnose(trace);
  return {
    title: 'Diagnosis',
    summary: `${d.text} The rule, from the course notes: a dirty set that does not shrink from sync to sync means workload pressure; a long blackout with a modest dirty set means the link is the bottleneck.`,
    steps: d.figures,
  };
}

/** The working behind each metric's card. */
const EXPLAINERS: Record<MetricKey, (trace: Trace) => Explanation> = {
  downtime: explainDowntime,
  totalTime: explainTotalTime,
  bytes: explainBytes,
  rounds: explainRounds,
  impact: explainImpact,
  threshold: explainThreshold,
  stopReason: explainStopReason,
  diagnosis: explainDiagnosis,
};

export const explainMetric = (metric: MetricKey, trace: Trace): Explanation => EXPLAINERS[metric](trace);
