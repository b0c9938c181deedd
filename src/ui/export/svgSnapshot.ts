import { escapeXml, paintToSvg } from './svgContext';
import { vectorPainterOf } from './vectorPainters';

/**
 * A panel on screen as a standalone SVG drawing, for slides: its boxes (backgrounds, borders), its text
 * (one <text> per line, in the font and colour shown), its inline SVG (cloned with the computed styles
 * written in, so it needs no stylesheet) and its canvases, drawn again as vectors by their painter
 * (vectorPainters.ts) or, for a canvas without one, embedded as a PNG image. Buttons, inputs and anything
 * marked `data-export-skip` (and toolbars: the playback bar) are left out: the picture is the figure, not its controls.
 */

export interface SvgSnapshot {
  svg: string;
  widthPx: number;
  heightPx: number;
}

/** Controls are left out; a text-like link button (a round's number) stays. */
const SKIP = 'input, select, textarea, [data-export-skip], button:not(.link-button), [role="menu"], [role="toolbar"]';

/** Styles written into cloned SVG elements: what decides how they look. */
const SVG_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'paint-order',
  'color',
  'visibility',
] as const;

const isTransparent = (colour: string) =>
  colour === 'transparent' || colour === '' || /rgba\([^)]*,\s*0\)$/.test(colour) || colour.endsWith(' / 0)');

const num = (n: number) => String(Math.round(n * 100) / 100);

class Snapshot {
  readonly parts: string[] = [];
  readonly defs: string[] = [];
  private ids = 0;
  private readonly metrics = new Map<string, { ascent: number }>();
  private readonly measure = document.createElement('canvas').getContext('2d');

  constructor(private readonly origin: DOMRect) {}

  id(prefix: string) {
    return `${prefix}${++this.ids}`;
  }

  /** Position of a client rect in the drawing. */
  box(r: DOMRect) {
    return { x: r.left - this.origin.left, y: r.top - this.origin.top, w: r.width, h: r.height };
  }

  /** The whole drawing's box. */
  whole() {
    return { x: 0, y: 0, w: this.origin.width, h: this.origin.height };
  }

  /** Distance from a text box's top to its baseline, for the font shown (a Range's box spans ascent and descent). */
  ascent(font: string, boxHeight: number): number {
    let m = this.metrics.get(font);
    if (!m) {
      if (this.measure) this.measure.font = font;
      const t = this.measure?.measureText('Hg');
      const a = t?.fontBoundingBoxAscent ?? 0;
      const d = t?.fontBoundingBoxDescent ?? 0;
      m = { ascent: a + d > 0 ? a / (a + d) : 0.8 };
      this.metrics.set(font, m);
    }
    return m.ascent * boxHeight;
  }
}

function fontOf(style: CSSStyleDeclaration): string {
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

function transformed(text: string, transform: string): string {
  if (transform === 'uppercase') return text.toUpperCase();
  if (transform === 'lowercase') return text.toLowerCase();
  if (transform === 'capitalize') return text.replace(/\b\w/g, (c) => c.toUpperCase());
  return text;
}

/** One text node as <text> elements, one per line it wraps onto. */
function drawText(node: Text, style: CSSStyleDeclaration, snap: Snapshot): void {
  const content = node.data;
  if (content.trim() === '') return;
  const range = document.createRange();
  const words = [...content.matchAll(/\S+/g)];
  const lines: { top: number; left: number; height: number; text: string; end: number }[] = [];
  for (const w of words) {
    range.setStart(node, w.index);
    range.setEnd(node, w.index + w[0].length);
    const rect = range.getClientRects()[0];
    if (!rect || rect.width === 0) continue;
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.top - rect.top) < rect.height / 2) {
      line.text += content.slice(line.end, w.index + w[0].length).replace(/\s+/g, ' ');
      line.end = w.index + w[0].length;
    } else lines.push({ top: rect.top, left: rect.left, height: rect.height, text: w[0], end: w.index + w[0].length });
  }
  const font = fontOf(style);
  const spacing = style.letterSpacing !== 'normal' ? ` letter-spacing="${escapeXml(style.letterSpacing)}"` : '';
  for (const line of lines) {
    const b = snap.box(new DOMRect(line.left, line.top, 0, line.height));
    const y = b.y + snap.ascent(font, line.height);
    snap.parts.push(
      `<text x="${num(b.x)}" y="${num(y)}" fill="${escapeXml(style.color)}" style="font: ${escapeXml(font)}; white-space: pre"${spacing}>` +
        `${escapeXml(transformed(line.text, style.textTransform))}</text>`,
    );
  }
}

/** A box's background and borders. */
function drawBox(el: Element, style: CSSStyleDeclaration, snap: Snapshot, whole: boolean): void {
  const { x, y, w, h } = whole ? snap.whole() : snap.box(el.getBoundingClientRect());
  if (w <= 0 || h <= 0) return;
  const radius = parseFloat(style.borderTopLeftRadius) || 0;
  const rx = radius ? ` rx="${num(Math.min(radius, w / 2, h / 2))}"` : '';
  if (!isTransparent(style.backgroundColor))
    snap.parts.push(
      `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"${rx} fill="${style.backgroundColor}"/>`,
    );
  const sides = [
    ['Top', x, y, x + w, y],
    ['Right', x + w, y, x + w, y + h],
    ['Bottom', x, y + h, x + w, y + h],
    ['Left', x, y, x, y + h],
  ] as const;
  const widths = sides.map(([side]) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) || 0);
  const colours = sides.map(([side]) => style.getPropertyValue(`border-${side.toLowerCase()}-color`));
  const kinds = sides.map(([side]) => style.getPropertyValue(`border-${side.toLowerCase()}-style`));
  const visible = (i: number) =>
    widths[i] > 0 && kinds[i] !== 'none' && kinds[i] !== 'hidden' && !isTransparent(colours[i]);
  // The same border all round (a card): one rounded outline; else each side as a line.
  if (sides.every((_, i) => visible(i) && widths[i] === widths[0] && colours[i] === colours[0])) {
    const half = widths[0] / 2;
    snap.parts.push(
      `<rect x="${num(x + half)}" y="${num(y + half)}" width="${num(w - widths[0])}" height="${num(h - widths[0])}"${rx} fill="none" stroke="${colours[0]}" stroke-width="${num(widths[0])}"/>`,
    );
    return;
  }
  sides.forEach(([, x1, y1, x2, y2], i) => {
    if (!visible(i)) return;
    const dash = kinds[i] === 'dashed' ? ` stroke-dasharray="${num(widths[i] * 3)} ${num(widths[i] * 2)}"` : '';
    snap.parts.push(
      `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${colours[i]}" stroke-width="${num(widths[i])}"${dash}/>`,
    );
  });
}

/** An inline SVG, cloned with its computed styles written into each element. */
function drawInlineSvg(svg: SVGSVGElement, snap: Snapshot): void {
  const { x, y, w, h } = snap.box(svg.getBoundingClientRect());
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((orig, i) => {
    const copy = copies[i];
    const style = getComputedStyle(orig);
    if (style.display === 'none') {
      copy.remove();
      return;
    }
    // As presentation attributes: the page's policy refuses style attributes set from script, and a
    // standalone drawing has no stylesheet to outrank them.
    for (const p of SVG_PROPS) copy.setAttribute(p, style.getPropertyValue(p));
    for (const a of ['class', 'tabindex', 'role', 'aria-label', 'aria-hidden']) copy.removeAttribute(a);
  });
  clone.setAttribute('x', num(x));
  clone.setAttribute('y', num(y));
  clone.setAttribute('width', num(w));
  clone.setAttribute('height', num(h));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${num(w)} ${num(h)}`);
  snap.parts.push(new XMLSerializer().serializeToString(clone));
}

/** A canvas as vectors through its painter, else as its pixels. */
function drawCanvas(canvas: HTMLCanvasElement, snap: Snapshot): void {
  const { x, y, w, h } = snap.box(canvas.getBoundingClientRect());
  if (w <= 0 || h <= 0) return;
  const painter = vectorPainterOf(canvas);
  const vector = painter ? paintToSvg(painter, w, h, snap.id('k')) : null;
  if (vector !== null) {
    const clip = snap.id('clip');
    snap.defs.push(`<clipPath id="${clip}"><rect width="${num(w)}" height="${num(h)}"/></clipPath>`);
    snap.parts.push(`<g transform="translate(${num(x)} ${num(y)})" clip-path="url(#${clip})">${vector}</g>`);
    return;
  }
  let data: string;
  try {
    data = canvas.toDataURL('image/png');
  } catch {
    return;
  }
  snap.parts.push(`<image x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" href="${data}"/>`);
}

function walk(el: Element, snap: Snapshot, unclipped = false): void {
  if (el.matches(SKIP)) return;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return;
  if (el instanceof SVGSVGElement) return drawInlineSvg(el, snap);
  if (el instanceof HTMLCanvasElement) return drawCanvas(el, snap);
  const opacity = parseFloat(style.opacity);
  const start = snap.parts.length;
  drawBox(el, style, snap, unclipped);
  for (const child of el.childNodes) {
    if (child instanceof Text) drawText(child, style, snap);
    else if (child instanceof Element) walk(child, snap);
  }
  const clips = !unclipped && (style.overflowX !== 'visible' || style.overflowY !== 'visible');
  if (!clips && opacity >= 1) return;
  // Wrap what this element drew: cut to its box when it clips its content, faded when it is translucent.
  const inner = snap.parts.splice(start).join('');
  let attrs = opacity < 1 ? ` opacity="${num(opacity)}"` : '';
  if (clips) {
    const { x, y, w, h } = snap.box(el.getBoundingClientRect());
    const id = snap.id('clip');
    snap.defs.push(
      `<clipPath id="${id}"><rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"/></clipPath>`,
    );
    attrs += ` clip-path="url(#${id})"`;
  }
  snap.parts.push(`<g${attrs}>${inner}</g>`);
}

/** The colour behind an element: its own background or the nearest ancestor's, else white. */
function backdropOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (!isTransparent(bg)) return bg;
  }
  return '#ffffff';
}

/** The element as it is on screen, as an SVG document `widthPx` x `heightPx` (CSS pixels). */
export function snapshotSvg(root: Element, title: string): SvgSnapshot {
  const box = root.getBoundingClientRect();
  // A panel that scrolls is drawn whole, as if it were tall enough to show all of it.
  const scrolled = root.scrollHeight > root.clientHeight + 1;
  const origin = scrolled
    ? new DOMRect(box.left, box.top - root.scrollTop, box.width, box.height - root.clientHeight + root.scrollHeight)
    : box;
  const snap = new Snapshot(origin);
  walk(root, snap, scrolled);
  const widthPx = Math.max(1, Math.ceil(origin.width));
  const heightPx = Math.max(1, Math.ceil(origin.height));
  const svg = svgDocument(widthPx, heightPx, title, backdropOf(root), snap.defs.join(''), snap.parts.join(''));
  return { svg, widthPx, heightPx };
}

/** A standalone SVG document: size, title, a backdrop, then the drawing. */
export function svgDocument(
  widthPx: number,
  heightPx: number,
  title: string,
  backdrop: string,
  defs: string,
  body: string,
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}">` +
    `<title>${escapeXml(title)}</title>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    `<rect width="100%" height="100%" fill="${escapeXml(backdrop)}"/>` +
    body +
    `</svg>\n`
  );
}
