import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAT_BAND_NAMES } from '../../../../src/engine';
import { SWATCHES } from '../../../../src/ui/hosts/palettes';
import { difference, parse, type Vision } from '../../../support/colourVision';

/**
 * Every pair of colours that meet on screen stays apart with each common colour-vision deficiency, simulated
 * (protanopia, deuteranopia, tritanopia at full severity): the colours the browser uses, read from the style
 * sheets, for the lab and for presentation mode's projector palette.
 */

const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
/** CIE76 ΔE: about 2 is just noticeable side by side; small cells on a grid need far more. */
const MIN_DELTA_E = 12;

const css = (file: string) => readFileSync(join(process.cwd(), 'src', 'ui', file), 'utf8');

/** The custom properties set in a style sheet block whose selector is `selector`. */
function variables(text: string, selector: string): Record<string, string> {
  const start = text.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`${selector} not found`);
  const block = text.slice(start, text.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1], m[2]]));
}

const LAB = { ...variables(css('styles.css'), ':root'), ...variables(css('hosts/hosts.css'), ':root') };
const PALETTES: Record<string, Record<string, string>> = {
  lab: LAB,
  presentation: { ...LAB, ...variables(css('present/present.css'), 'html.present-mode') },
};

function tooClose(pairs: [string, string, string, string][]): string[] {
  const out: string[] = [];
  for (const [nameA, a, nameB, b] of pairs)
    for (const vision of VISIONS) {
      const { deltaE } = difference(parse(a), parse(b), vision);
      if (deltaE < MIN_DELTA_E) out.push(`${nameA} ~ ${nameB} (${vision}): ΔE ${deltaE.toFixed(1)}`);
    }
  return out;
}

const colour = (palette: Record<string, string>, cssVar: string, fallback: string) => palette[cssVar] ?? fallback;

describe.each(Object.entries(PALETTES))('the %s palette with any colour vision', (_, palette) => {
  it.each(['source', 'destination'] as const)('tells every page state on the %s heatmap apart', (view) => {
    const swatches = SWATCHES[view];
    const bands = swatches.map((s, band) => [HEAT_BAND_NAMES[band], colour(palette, s.cssVar, s.fallback)]);
    // Bands drawn in one colour on purpose (a page faulted just now is a page fetched on fault) are one state.
    const pairs = bands.flatMap(([nameA, a], i) =>
      bands
        .slice(i + 1)
        .filter((_, k) => swatches[i + 1 + k].cssVar !== swatches[i].cssVar)
        .map(([nameB, b]) => [nameA, a, nameB, b] as [string, string, string, string]),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(21);
    expect(tooClose(pairs)).toEqual([]);
  });

  it('tells apart the timeline phase bands that meet (setup, rounds, blackout, post-copy)', () => {
    const c = (name: string) => palette[`--${name}`];
    const meet: [string, string][] = [
      ['setup', 'round-a'],
      ['round-a', 'round-b'],
      ['round-a', 'postcopy'],
      ['round-b', 'postcopy'],
      ['setup', 'postcopy'],
      ['setup', 'blackout'],
      ['round-a', 'blackout'],
      ['round-b', 'blackout'],
      ['postcopy', 'blackout'],
    ];
    for (const [a, b] of meet) expect(c(a) && c(b), `--${a} and --${b} are set`).toBeTruthy();
    expect(tooClose(meet.map(([a, b]) => [a, c(a), b, c(b)]))).toEqual([]);
  });

  it("tells the timeline chart's three series apart", () => {
    const series = ['dirtied', 'in-flight', 'ink'].map((n) => [n, palette[`--${n}`]]);
    expect(
      tooClose([
        [series[0][0], series[0][1], series[1][0], series[1][1]],
        [series[0][0], series[0][1], series[2][0], series[2][1]],
        [series[1][0], series[1][1], series[2][0], series[2][1]],
      ]),
    ).toEqual([]);
  });
});

describe('the simulation itself', () => {
  it('collapses red and green for deuteranopia and protanopia, not for tritanopia', () => {
    const red = parse('#d62728');
    const green = parse('#2ca02c');
    const normal = difference(red, green, 'normal').deltaE;
    expect(normal).toBeGreaterThan(100);
    expect(difference(red, green, 'deuteranopia').deltaE).toBeLessThan(MIN_DELTA_E);
    expect(difference(red, green, 'protanopia').deltaE).toBeLessThan(normal / 3);
    expect(difference(red, green, 'tritanopia').deltaE).toBeGreaterThan(normal / 2);
    // White and black stay white and black.
    expect(difference(parse('#ffffff'), parse('#000000'), 'tritanopia').deltaL).toBeCloseTo(100, 0);
  });
});
