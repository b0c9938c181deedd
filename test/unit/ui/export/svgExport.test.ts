import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAT_BAND_COUNT, HeatBand, type HeatmapFrames } from '../../../../src/engine';
import { heatmapPainter } from '../../../../src/ui/export/heatmapVector';
import { escapeXml, paintToSvg, SvgContext } from '../../../../src/ui/export/svgContext';
import { snapshotSvg, svgDocument } from '../../../../src/ui/export/svgSnapshot';
import { palette as hostPalette } from '../../../../src/ui/hosts/palettes';
import { CHART_SERIES, type SeriesColours } from '../../../../src/ui/timeline/chartSeries';
import { drawCharts } from '../../../../src/ui/timeline/drawCharts';
import { timeScale, wholeDomain } from '../../../../src/ui/timeline/timelineLayout';
import { threeRounds } from '../timeline/traces';

const colours: SeriesColours = { dirtySet: '#e8601c', bandwidth: '#1f6fb2', vmSpeed: '#16202c' };
const paths = (svg: string) => [...svg.matchAll(/<path d="([^"]+)"([^>]*)\/>/g)].map((m) => ({ d: m[1], attrs: m[2] }));

describe('SvgContext: the canvas painters drawn as vectors', () => {
  it('records the timeline charts as one path per series (and the dirty set area), in their colours', () => {
    const trace = threeRounds();
    const x = timeScale(wholeDomain(trace), 800);
    const svg = paintToSvg(
      (ctx) => drawCharts(ctx, trace, null, { x, widthPx: 800, heightPx: 120, devicePixelRatio: 1 }, colours),
      800,
      120,
      't',
    )!;
    const drawn = paths(svg);
    const strokes = drawn.filter((p) => p.attrs.includes('stroke='));
    const fills = drawn.filter((p) => !p.attrs.includes('stroke=') && p.attrs.includes('fill='));
    expect(strokes.map((p) => /stroke="([^"]+)"/.exec(p.attrs)![1])).toEqual(CHART_SERIES.map((s) => colours[s.key]));
    expect(fills).toHaveLength(1);
    expect(fills[0].attrs).toContain('fill="#e8601c"');
    // Every sample is a point of each line, starting at the scale's left edge and ending at its right.
    const points = strokes[0].d.split(/[ML]/).filter(Boolean);
    expect(points).toHaveLength(trace.samples.columns.tMs.length);
    expect(Number(points[0].split(' ')[0])).toBeCloseTo(x(0), 1);
    expect(Number(points[points.length - 1].split(' ')[0])).toBeCloseTo(x(trace.summary.totalTimeMs), 1);
    // Drawn inside the clip the painter set.
    expect(svg).toMatch(/<clipPath id="t1">/);
    expect(svg).toContain('clip-path="url(#t1)"');
  });

  it('draws the ghost run dashed and faint', () => {
    const trace = threeRounds();
    const x = timeScale(wholeDomain(trace), 600);
    const svg = paintToSvg(
      (ctx) => drawCharts(ctx, trace, trace, { x, widthPx: 600, heightPx: 100, devicePixelRatio: 1 }, colours),
      600,
      100,
      'g',
    )!;
    const dashed = paths(svg).filter((p) => p.attrs.includes('stroke-dasharray="5 4"'));
    expect(dashed).toHaveLength(CHART_SERIES.length);
    expect(dashed.every((p) => p.attrs.includes('opacity="0.5"'))).toBe(true);
  });

  it('applies the transform to points and line widths, and escapes text', () => {
    const ctx = new SvgContext();
    ctx.setTransform(2, 0, 0, 2, 10, 0);
    ctx.strokeStyle = 'red';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.lineTo(5, 5);
    ctx.stroke();
    ctx.fillText('a < b & "c"', 1, 1);
    expect(ctx.markup()).toContain('<path d="M10 0L20 10" fill="none" stroke="red" stroke-width="3"/>');
    expect(ctx.markup()).toContain('>a &lt; b &amp; &quot;c&quot;</text>');
    expect(escapeXml("<'>")).toBe('&lt;&apos;&gt;');
  });

  it('gives null for a painter that needs what vectors cannot do, so the export embeds the pixels', () => {
    expect(paintToSvg((ctx) => ctx.putImageData(new ImageData(1, 1), 0, 0), 10, 10, 'p')).toBeNull();
  });
});

describe('heatmapPainter', () => {
  const palette = hostPalette('source');
  const red = (band: number) => palette[band][0];
  /** One frame of `cells` cells, each wholly in the band `bandOf(cell)`. */
  function frames(cells: number, bandOf: (cell: number) => number): HeatmapFrames {
    const data = new Uint8Array(cells * HEAT_BAND_COUNT);
    for (let c = 0; c < cells; c++) data[c * HEAT_BAND_COUNT + bandOf(c)] = 255;
    return {
      pageCount: cells * 4,
      pageBytes: 4096,
      pagesPerCell: 4,
      cells,
      frameTimesMs: Float64Array.from([0]),
      data,
    };
  }
  const rects = (svg: string) => [
    ...svg.matchAll(
      /<path d="M([\d.]+) ([\d.]+)L([\d.]+) [\d.]+L[\d.]+ ([\d.]+)[^"]*" fill="rgb\((\d+),(\d+),(\d+)\)"/g,
    ),
  ];

  it('draws each cell in its band colour, with seams when the cells are big', () => {
    // 4 cells in a 40 x 40 box: a 2 x 2 grid of 20 px cells.
    const svg = paintToSvg(
      heatmapPainter(
        frames(4, (c) => (c % 2 ? HeatBand.Dirtied : HeatBand.SentClean)),
        0,
        'source',
      ),
      40,
      40,
      'h',
    )!;
    const drawn = rects(svg);
    expect(drawn).toHaveLength(4);
    expect(drawn.map((m) => Number(m[5]))).toEqual([
      red(HeatBand.SentClean),
      red(HeatBand.Dirtied),
      red(HeatBand.SentClean),
      red(HeatBand.Dirtied),
    ]);
    // 20 px cells less a 1 px seam.
    expect(Number(drawn[0][3]) - Number(drawn[0][1])).toBe(19);
  });

  it('joins runs of equal cells along a row when the cells are too small for seams', () => {
    // 400 cells in a 40 x 40 box: 2 px cells, the first 300 sent, the rest untouched.
    const svg = paintToSvg(
      heatmapPainter(
        frames(400, (c) => (c < 300 ? HeatBand.SentClean : HeatBand.Untouched)),
        0,
        'source',
      ),
      40,
      40,
      'h',
    )!;
    const drawn = rects(svg);
    // One rectangle per row of 20 cells: 20 rows, each one colour.
    expect(drawn).toHaveLength(20);
    expect(drawn.filter((m) => Number(m[5]) === red(HeatBand.SentClean))).toHaveLength(15);
    expect(Number(drawn[0][3]) - Number(drawn[0][1])).toBe(40);
  });
});

describe('snapshotSvg', () => {
  afterEach(() => vi.restoreAllMocks());

  /** jsdom lays nothing out: give each element (by id) and each text range a box. */
  function layout(boxes: Record<string, [number, number, number, number]>, textBox: [number, number, number, number]) {
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const b = boxes[this.id] ?? [0, 0, 0, 0];
      return new DOMRect(...b);
    });
    (Range.prototype as unknown as { getClientRects: () => DOMRect[] }).getClientRects = () => [
      new DOMRect(...textBox),
    ];
  }

  it('draws boxes, text and inline SVG as vectors, relative to the panel, and leaves the controls out', () => {
    document.body.innerHTML = `
      <section id="panel" style="background-color: rgb(255, 255, 255)">
        <h2 id="title" style="color: rgb(10, 20, 30); font-size: 14px">Timeline</h2>
        <button id="zoom">Zoom to the end of pre-copy</button>
        <div id="swatch" style="background-color: rgb(232, 96, 28)"></div>
        <svg id="chart" width="100" height="50"><rect id="bar" x="1" y="2" width="30" height="40" style="fill: rgb(1, 2, 3)"></rect></svg>
      </section>`;
    layout(
      { panel: [100, 50, 400, 200], title: [110, 60, 100, 20], swatch: [120, 90, 10, 10], chart: [200, 100, 100, 50] },
      [110, 60, 60, 18],
    );
    const { svg, widthPx, heightPx } = snapshotSvg(document.getElementById('panel')!, 'Migration timeline');
    expect([widthPx, heightPx]).toEqual([400, 200]);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Migration timeline</title>');
    expect(svg).toMatch(/<text x="10" y="[\d.]+" fill="rgb\(10, 20, 30\)"[^>]*>Timeline<\/text>/);
    expect(svg).toContain('<rect x="20" y="40" width="10" height="10" fill="rgb(232, 96, 28)"/>');
    // The inline chart, placed where it sits in the panel, its styles written in as attributes.
    const chart = /<svg [^>]*>/.exec(svg.slice(svg.lastIndexOf('<svg')))![0];
    for (const attr of ['x="100"', 'y="50"', 'width="100"', 'height="50"']) expect(chart).toContain(attr);
    expect(svg).toMatch(/<rect[^>]*fill="rgb\(1, 2, 3\)"/);
    expect(svg).not.toContain('Zoom to the end');
  });

  it('embeds a canvas without a painter as a picture (none here: jsdom cannot paint) and never throws', () => {
    document.body.innerHTML = `<div id="panel"><canvas id="c" width="10" height="10"></canvas></div>`;
    layout({ panel: [0, 0, 50, 50], c: [0, 0, 10, 10] }, [0, 0, 0, 0]);
    expect(() => snapshotSvg(document.getElementById('panel')!, 'x')).not.toThrow();
  });

  it('wraps the drawing in a standalone document with a backdrop', () => {
    const doc = svgDocument(20, 10, 'a & b', '#fff', '', '<circle r="1"/>');
    expect(doc).toContain('width="20" height="10" viewBox="0 0 20 10"');
    expect(doc).toContain('<title>a &amp; b</title>');
    expect(doc).toContain('<rect width="100%" height="100%" fill="#fff"/><circle r="1"/></svg>');
  });
});
