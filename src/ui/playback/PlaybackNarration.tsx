import { useEffect, useState } from 'react';
import type { Trace } from '../../engine';
import { playheadTrace } from '../../state/playheadTrace';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { announcement, passed, playbackMilestones, type Milestone } from './narration';

/** The least time between two announcements: a screen reader needs it to finish a sentence. */
export const NARRATION_GAP_MS = 1500;

/**
 * A polite live region that tells a screen-reader user what the playing migration is doing. It listens to
 * the store (no render per frame), speaks only while playing (a seek or a scrub is not news), and holds
 * back what comes faster than one announcement per NARRATION_GAP_MS, then says the latest of it.
 */
export function PlaybackNarration() {
  const { store } = useWorkspaceContext();
  const [message, setMessage] = useState('');
  useEffect(() => {
    let trace: Trace | null = null;
    let milestones: Milestone[] = [];
    let lastMs = 0;
    let pending: Milestone[] = [];
    let spokeAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const speak = () => {
      timer = undefined;
      const text = announcement(pending);
      pending = [];
      if (!text) return;
      spokeAt = Date.now();
      setMessage(text);
    };
    const stop = store.subscribe((s, prev) => {
      const current = s.view === 'fleet' ? null : playheadTrace(s);
      const tMs = s.playhead.tMs;
      if (current !== trace) {
        trace = current;
        milestones = current ? playbackMilestones(current) : [];
        pending = [];
        lastMs = tMs;
        return;
      }
      // The tick that reaches the end stops playback in the same update: its milestones still count.
      const playedOn = s.playhead.playing || prev.playhead.playing;
      if (playedOn && tMs > lastMs) pending.push(...passed(milestones, lastMs, tMs));
      lastMs = tMs;
      if (pending.length === 0 || timer !== undefined) return;
      const wait = spokeAt + NARRATION_GAP_MS - Date.now();
      if (wait <= 0) speak();
      else timer = setTimeout(speak, wait);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [store]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label="Playback narration">
      {message}
    </div>
  );
}
