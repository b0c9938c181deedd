/** Bumped whenever the engine's numbers can change for the same scenario. */
export const ENGINE_VERSION = '1.0.0';
