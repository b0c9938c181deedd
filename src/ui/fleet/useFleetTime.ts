import { useWorkspace } from '../../state/WorkspaceContext';

/**
 * The shared playhead within the fleet run. Only the panels that draw the moment subscribe to it, so a
 * frame of playback re-renders them and not the controls.
 */
export const useFleetTime = (endMs: number): number =>
  useWorkspace((s) => Math.min(Math.max(0, s.playhead.tMs), endMs));
