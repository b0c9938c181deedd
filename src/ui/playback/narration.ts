import type { Trace, TraceEvent } from '../../engine';
import { formatBytes, formatMs } from '../format';
import { eventSentence } from '../text/eventText';

/**
 * What a screen reader hears while a migration plays: the moments that matter (rounds, the blackout,
 * the switchover, the commit, faults and aborts, the outcome), each with its figures. Pure: the live
 * region (PlaybackNarration.tsx) decides when to speak, this module what.
 */

/** 1: a round began or ended; 2: a phase changed hands (blackout, switchover, commit); 3: faults, aborts, the outcome. */
export type Weight = 1 | 2 | 3;

export interface Milestone {
  tMs: number;
  weight: Weight;
  text: string;
}

const NARRATED_EVENTS: Partial<Record<TraceEvent['kind'], Weight>> = {
  commit: 2,
  'postcopy-paused': 3,
  'postcopy-recovered': 3,
  fault: 3,
  aborted: 3,
  'vm-lost': 3,
  refused: 3,
};

const sentence = (text: string) => {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

const OUTCOME: Record<Trace['summary']['outcome'], string> = {
  completed: 'Migration complete: the VM runs on the destination',
  aborted: 'Migration aborted: the VM keeps running on the source',
  failed: 'Migration failed: neither host runs the VM',
  unfinished: 'The simulation stopped here: the migration had not ended',
};

function outcomeText(trace: Trace): string {
  const s = trace.summary;
  const downtime = s.pausedAtMs !== null ? `, downtime ${formatMs(s.downtimeMs)}` : '';
  return `${OUTCOME[s.outcome]}${downtime}, ${formatBytes(s.bytesTransferred)} sent in ${formatMs(s.totalTimeMs)}.`;
}

/** Every narrated moment of a run, in time order; moments at the same time are one milestone. */
export function playbackMilestones(trace: Trace): Milestone[] {
  const pageBytes = trace.scenario.vm.pageKiB * 1024;
  const all: Milestone[] = [];
  for (const r of trace.rounds) {
    const toSend = formatBytes(r.dirtyPagesAtStart * pageBytes);
    all.push({ tMs: r.startMs, weight: 1, text: `Round ${r.index} started: ${toSend} to send.` });
    const dirtied = formatBytes(r.newlyDirtiedPages * pageBytes);
    all.push({
      tMs: r.endMs,
      weight: 1,
      text: `Round ${r.index}: ${formatBytes(r.bytesSent)} sent, ${dirtied} dirtied.`,
    });
  }
  for (const p of trace.phases) {
    if (p.kind === 'blackout')
      all.push({ tMs: p.startMs, weight: 2, text: 'Blackout started: the VM is paused while the rest is copied.' });
    else if (p.kind === 'postcopy')
      all.push({
        tMs: p.startMs,
        weight: 2,
        text: 'Switchover: the VM runs on the destination, which pulls the pages it still lacks.',
      });
    else if (p.kind === 'disk')
      all.push({ tMs: p.startMs, weight: 1, text: 'Copying the local disk ahead of memory.' });
  }
  for (const e of trace.events) {
    // Post-copy's commit is its switchover, said above with the phase.
    if (e.kind === 'commit' && e.how === 'postcopy') continue;
    const weight = NARRATED_EVENTS[e.kind];
    if (weight) all.push({ tMs: e.tMs, weight, text: sentence(eventSentence(e, trace)) });
  }
  all.push({ tMs: trace.summary.totalTimeMs, weight: 3, text: outcomeText(trace) });
  // Stable: round ends come before the next round's start, events after the phase change they belong to.
  all.sort((a, b) => a.tMs - b.tMs);
  const merged: Milestone[] = [];
  for (const m of all) {
    const last = merged[merged.length - 1];
    if (last && m.tMs - last.tMs < 0.5) {
      last.text = last.text.includes(m.text) ? last.text : `${last.text} ${m.text}`;
      last.weight = Math.max(last.weight, m.weight) as Weight;
    } else merged.push({ ...m });
  }
  return merged;
}

/** The milestones a playhead passed moving from `fromMs` (exclusive) to `toMs` (inclusive). */
export const passed = (milestones: Milestone[], fromMs: number, toMs: number): Milestone[] =>
  milestones.filter((m) => m.tMs > fromMs && m.tMs <= toMs);

/** At most this many sentences at once: the rest would be a flood no one can follow. */
const MAX_SENTENCES = 4;

/**
 * One announcement for the milestones passed since the last one: the latest of them, and before it the
 * phase changes, faults and aborts it passed (a fast playback skips rounds, not a blackout or an abort;
 * a burst of those keeps its latest few).
 */
export function announcement(milestones: Milestone[]): string | null {
  if (milestones.length === 0) return null;
  const last = milestones[milestones.length - 1];
  const major = milestones.slice(0, -1).filter((m) => m.weight > 1);
  return [...major.slice(-(MAX_SENTENCES - 1)), last].map((m) => m.text).join(' ');
}
