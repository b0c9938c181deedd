/** The reader asked the system for less motion (prefers-reduced-motion): nothing moves unless they start it. */
export const prefersReducedMotion = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
