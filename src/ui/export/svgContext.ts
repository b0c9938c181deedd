/**
 * The part of the canvas 2D API the app's painters use, recorded as SVG elements instead of pixels, so a
 * painter that draws a panel on screen draws the same picture as vectors for an export. Paths, fills,
 * strokes, dashes, alpha, clipping, rectangles and text are supported; a painter that needs anything else
 * (images, pixel data) fails on the missing method, and the export falls back to the canvas's pixels.
 */

type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number];

interface DrawState {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  globalAlpha: number;
  dash: number[];
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  matrix: Matrix;
  /** Clip paths in force (ids), innermost last. */
  clips: string[];
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const num = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0');

export const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const BASELINES: Partial<Record<CanvasTextBaseline, string>> = {
  top: 'text-before-edge',
  hanging: 'hanging',
  middle: 'central',
  bottom: 'text-after-edge',
};
const ANCHORS: Partial<Record<CanvasTextAlign, string>> = { center: 'middle', right: 'end', end: 'end' };

export class SvgContext {
  private state: DrawState = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    globalAlpha: 1,
    dash: [],
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    lineCap: 'butt',
    lineJoin: 'miter',
    matrix: IDENTITY,
    clips: [],
  };
  private readonly stack: DrawState[] = [];
  private path = '';
  private readonly defs: string[] = [];
  private readonly body: string[] = [];
  private clipCount = 0;

  constructor(private readonly idPrefix = 'c') {}

  get fillStyle() {
    return this.state.fillStyle;
  }
  set fillStyle(v: string) {
    this.state.fillStyle = String(v);
  }
  get strokeStyle() {
    return this.state.strokeStyle;
  }
  set strokeStyle(v: string) {
    this.state.strokeStyle = String(v);
  }
  get lineWidth() {
    return this.state.lineWidth;
  }
  set lineWidth(v: number) {
    this.state.lineWidth = v;
  }
  get globalAlpha() {
    return this.state.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.state.globalAlpha = v;
  }
  get font() {
    return this.state.font;
  }
  set font(v: string) {
    this.state.font = v;
  }
  set textAlign(v: CanvasTextAlign) {
    this.state.textAlign = v;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.state.textBaseline = v;
  }
  set lineCap(v: CanvasLineCap) {
    this.state.lineCap = v;
  }
  set lineJoin(v: CanvasLineJoin) {
    this.state.lineJoin = v;
  }

  save(): void {
    this.stack.push({ ...this.state, dash: [...this.state.dash], clips: [...this.state.clips] });
  }
  restore(): void {
    const s = this.stack.pop();
    if (s) this.state = s;
  }
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.matrix = [a, b, c, d, e, f];
  }
  resetTransform(): void {
    this.state.matrix = IDENTITY;
  }
  translate(x: number, y: number): void {
    const [a, b, c, d, e, f] = this.state.matrix;
    this.state.matrix = [a, b, c, d, e + a * x + c * y, f + b * x + d * y];
  }
  scale(sx: number, sy: number): void {
    const [a, b, c, d, e, f] = this.state.matrix;
    this.state.matrix = [a * sx, b * sx, c * sy, d * sy, e, f];
  }
  setLineDash(dash: number[]): void {
    this.state.dash = [...dash];
  }

  private xy(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.state.matrix;
    return [a * x + c * y + e, b * x + d * y + f];
  }
  private pt(x: number, y: number): string {
    const [px, py] = this.xy(x, y);
    return `${num(px)} ${num(py)}`;
  }
  /** Lengths scale with the transform (uniform scales only, as the painters use). */
  private len(v: number): number {
    const [a, b] = this.state.matrix;
    return v * Math.hypot(a, b);
  }

  beginPath(): void {
    this.path = '';
  }
  moveTo(x: number, y: number): void {
    this.path += `M${this.pt(x, y)}`;
  }
  lineTo(x: number, y: number): void {
    this.path += `L${this.pt(x, y)}`;
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    this.path += `C${this.pt(x1, y1)} ${this.pt(x2, y2)} ${this.pt(x, y)}`;
  }
  quadraticCurveTo(x1: number, y1: number, x: number, y: number): void {
    this.path += `Q${this.pt(x1, y1)} ${this.pt(x, y)}`;
  }
  closePath(): void {
    this.path += 'Z';
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path += `M${this.pt(x, y)}L${this.pt(x + w, y)}L${this.pt(x + w, y + h)}L${this.pt(x, y + h)}Z`;
  }
  arc(x: number, y: number, r: number, start: number, end: number, ccw = false): void {
    // As line segments: exact enough for markers, and no SVG arc-flag bookkeeping.
    const span = ccw ? start - end : end - start;
    const steps = Math.max(8, Math.ceil(Math.abs(span) / (Math.PI / 16)));
    for (let i = 0; i <= steps; i++) {
      const t = start + ((ccw ? -1 : 1) * Math.min(Math.abs(span), 2 * Math.PI) * i) / steps;
      const px = x + r * Math.cos(t);
      const py = y + r * Math.sin(t);
      this.path += `${i === 0 && this.path === '' ? 'M' : 'L'}${this.pt(px, py)}`;
    }
  }

  private alpha(): string {
    return this.state.globalAlpha < 1 ? ` opacity="${num(this.state.globalAlpha)}"` : '';
  }
  private emit(element: string): void {
    const clips = this.state.clips;
    this.body.push(clips.reduceRight((inner, id) => `<g clip-path="url(#${id})">${inner}</g>`, element));
  }

  fill(): void {
    if (this.path) this.emit(`<path d="${this.path}" fill="${escapeXml(this.state.fillStyle)}"${this.alpha()}/>`);
  }
  stroke(): void {
    if (!this.path) return;
    const s = this.state;
    const dash = s.dash.length ? ` stroke-dasharray="${s.dash.map((d) => num(this.len(d))).join(' ')}"` : '';
    const caps = `${s.lineCap !== 'butt' ? ` stroke-linecap="${s.lineCap}"` : ''}${s.lineJoin !== 'miter' ? ` stroke-linejoin="${s.lineJoin}"` : ''}`;
    this.emit(
      `<path d="${this.path}" fill="none" stroke="${escapeXml(s.strokeStyle)}" stroke-width="${num(this.len(s.lineWidth))}"${dash}${caps}${this.alpha()}/>`,
    );
  }
  clip(): void {
    const id = `${this.idPrefix}${++this.clipCount}`;
    this.defs.push(`<clipPath id="${id}"><path d="${this.path}"/></clipPath>`);
    this.state.clips = [...this.state.clips, id];
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path;
    this.path = '';
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    const saved = this.path;
    this.path = '';
    this.rect(x, y, w, h);
    this.stroke();
    this.path = saved;
  }
  /** The canvas starts empty in an export: clearing draws nothing. */
  clearRect(): void {}
  fillText(text: string, x: number, y: number): void {
    const s = this.state;
    const anchor = ANCHORS[s.textAlign];
    const baseline = BASELINES[s.textBaseline];
    const [px, py] = this.xy(x, y);
    this.emit(
      `<text x="${num(px)}" y="${num(py)}" style="font: ${escapeXml(s.font)}" fill="${escapeXml(s.fillStyle)}"` +
        `${anchor ? ` text-anchor="${anchor}"` : ''}${baseline ? ` dominant-baseline="${baseline}"` : ''}${this.alpha()}>${escapeXml(text)}</text>`,
    );
  }

  /** What was drawn, as SVG markup (its clip paths first). */
  markup(): string {
    return (this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '') + this.body.join('');
  }
}

/** A painter as the export sees it: it draws the canvas's picture into a context of `widthPx` x `heightPx` CSS pixels. */
export type VectorPainter = (ctx: CanvasRenderingContext2D, size: { widthPx: number; heightPx: number }) => void;

/** Runs a painter into an SvgContext; null when the painter needs what the recorder cannot do. */
export function paintToSvg(painter: VectorPainter, widthPx: number, heightPx: number, idPrefix: string): string | null {
  const ctx = new SvgContext(idPrefix);
  try {
    painter(ctx as unknown as CanvasRenderingContext2D, { widthPx, heightPx });
  } catch {
    return null;
  }
  return ctx.markup();
}
