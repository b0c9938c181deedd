import { HEAT_BAND_COUNT, HeatBand } from '../../engine';

/** Which host's side of the pages a heatmap shows. */
export type HostView = 'source' | 'destination';

export type Rgb = readonly [number, number, number];
/** One colour per heat band, indexed by `HeatBand`. */
export type Palette = readonly Rgb[];

/** A colour as a CSS variable (a hex value, declared in styles.css or hosts.css) and a fallback. */
export interface Swatch {
  cssVar: string;
  fallback: string;
}

const untouched = { cssVar: '--untouched', fallback: '#e6e9ee' };
const sentClean = { cssVar: '--sent-clean', fallback: '#2f9e6e' };
const fetched = { cssVar: '--fetched', fallback: '#7b3fb0' };
const pushed = { cssVar: '--pushed', fallback: '#46b3c6' };

function byBand(swatches: Record<keyof typeof HeatBand, Swatch>): readonly Swatch[] {
  const list: Swatch[] = new Array(HEAT_BAND_COUNT);
  for (const [name, band] of Object.entries(HeatBand)) list[band] = swatches[name as keyof typeof HeatBand];
  return list;
}

/** Each view's colour per band: the source shows what is left to send, the destination what it holds. */
export const SWATCHES: Record<HostView, readonly Swatch[]> = {
  source: byBand({
    Untouched: untouched,
    NotSent: { cssVar: '--not-sent', fallback: '#f2b134' },
    SentClean: sentClean,
    Dirtied: { cssVar: '--dirtied', fallback: '#e8601c' },
    Fetched: fetched,
    Pushed: pushed,
    InFlight: { cssVar: '--in-flight', fallback: '#1f6fb2' },
    FaultedNow: fetched,
  }),
  destination: byBand({
    // Zero pages need no copy: the destination's fresh memory is zeros already.
    Untouched: untouched,
    NotSent: { cssVar: '--dest-missing', fallback: '#3b4656' },
    SentClean: sentClean,
    Dirtied: { cssVar: '--dest-stale', fallback: '#f5bd93' },
    Fetched: fetched,
    Pushed: pushed,
    InFlight: { cssVar: '--dest-arriving', fallback: '#1a66d1' },
    FaultedNow: fetched,
  }),
};

/** `#rgb` or `#rrggbb` as numbers; null for anything else. */
export function parseHex(text: string): Rgb | null {
  const hex = text.trim().replace(/^#/, '');
  if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) return null;
  const full = hex.length === 3 ? [...hex].map((d) => d + d).join('') : hex;
  const n = parseInt(full, 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
}

/** A view's palette, each colour read through `readVar` and falling back to the built-in one. */
export function paletteFrom(view: HostView, readVar: (cssVar: string) => string): Palette {
  return SWATCHES[view].map((s) => parseHex(readVar(s.cssVar)) ?? (parseHex(s.fallback) as Rgb));
}

const cache = new Map<string, Palette>();

/** A view's palette from the page's CSS variables, read on first use (per `data-palette`: the projector's). */
export function palette(view: HostView): Palette {
  const key = `${view}:${document.documentElement.dataset.palette ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    const style = getComputedStyle(document.documentElement);
    p = paletteFrom(view, (cssVar) => style.getPropertyValue(cssVar));
    cache.set(key, p);
  }
  return p;
}
