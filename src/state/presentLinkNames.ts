/** The link parameters of presentation and embed mode (read in ./presentLink.ts). */
export const PRESENT_LINK_EXTRAS = ['present', 'scenes', 'scene', 'embed', 'controls', 'autoplay'] as const;
