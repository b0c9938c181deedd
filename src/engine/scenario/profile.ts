import type { Profile } from './schema';

type Raw = Record<string, unknown>;
const section = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});

/**
 * A plain scenario object under a profile. qemu: QEMU's semantics, which has no round cap and one stop
 * rule, and counts its total time from the migrate command (see `profile` in the schema).
 */
export function applyProfile(input: Raw, profile: Profile): Raw {
  if (profile === 'lab') return { ...input, profile };
  return { ...input, profile, precopy: { ...section(input.precopy), stopRule: 'qemu', maxIterations: 0 } };
}
