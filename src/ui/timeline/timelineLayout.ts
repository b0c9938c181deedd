import { max, scaleLinear, type ScaleLinear } from 'd3';
import type { Phase, Round, Trace } from '../../engine';
import { runEndMs } from '../../engine';
import { formatMs } from '../format';
import { phaseTitle, roundTitle } from './timelineText';

/** Pure layout of the timeline: time domains, the shared x scale, the rows, phase bands and round bars. */

export type Domain = readonly [startMs: number, endMs: number];
export type TimeScale = ScaleLinear<number, number>;

/** Room left and right of the tracks, so the axis labels at both ends are not cut off. */
const MARGIN_LEFT_PX = 12;
const MARGIN_RIGHT_PX = 22;
/** Share of the zoomed span shown before the first zoomed round, so its start is visible. */
const ZOOM_LEAD = 0.06;
/** Rough width of one character of the 12-14 px band labels, to decide whether a label fits. */
const LABEL_CHAR_PX = 7.6;
const LABEL_PADDING_PX = 8;

export const pageBytesOf = (trace: Trace): number => trace.scenario.vm.pageKiB * 1024;

export function wholeDomain(trace: Trace): Domain {
  return [0, Math.max(1, runEndMs(trace.summary))];
}

/**
 * The end of pre-copy: from a little before the third-last round (never round 1) to the end of the run.
 * Null when there are fewer than two rounds, as there is nothing to zoom to.
 */
export function zoomDomain(trace: Trace): Domain | null {
  const { rounds } = trace;
  if (rounds.length < 2) return null;
  const firstShown = rounds[Math.max(1, rounds.length - 3)];
  const [, endMs] = wholeDomain(trace);
  return [Math.max(0, firstShown.startMs - ZOOM_LEAD * (endMs - firstShown.startMs)), endMs];
}

export function timeScale(domain: Domain, widthPx: number): TimeScale {
  const right = Math.max(MARGIN_LEFT_PX + 1, widthPx - MARGIN_RIGHT_PX);
  return scaleLinear().domain(domain).range([MARGIN_LEFT_PX, right]);
}

export interface Row {
  top: number;
  height: number;
}

export interface TrackRows {
  /** Intervention flags and labels too long for their band. */
  flags: Row;
  bands: Row;
  bars: Row;
  chart: Row;
  axis: Row;
  heightPx: number;
}

const FLAGS_PX = 20;
const BANDS_PX = 22;
const AXIS_PX = 22;
const GAP_PX = 3;

/** Stacks the rows into the tracks' height: fixed rows, then the bars and the chart share the rest. */
export function trackRows(heightPx: number): TrackRows {
  const rest = Math.max(60, heightPx - FLAGS_PX - BANDS_PX - AXIS_PX - 3 * GAP_PX);
  const barsPx = Math.round(Math.min(48, Math.max(24, rest * 0.36)));
  const flags = { top: 0, height: FLAGS_PX };
  const bands = { top: FLAGS_PX, height: BANDS_PX };
  const bars = { top: bands.top + BANDS_PX + GAP_PX, height: barsPx };
  const chart = { top: bars.top + barsPx + GAP_PX, height: rest - barsPx };
  const axis = { top: chart.top + chart.height + GAP_PX, height: AXIS_PX };
  return { flags, bands, bars, chart, axis, heightPx: axis.top + AXIS_PX };
}

export interface Span {
  x: number;
  width: number;
}

/** Horizontal extent of [startMs, endMs] cut to the scale's domain, at least 1 px wide; null when outside it. */
export function spanOf(x: TimeScale, startMs: number, endMs: number): Span | null {
  const [d0, d1] = x.domain();
  const from = Math.max(startMs, d0);
  const to = Math.min(endMs, d1);
  if (to < from || (to === from && endMs > startMs)) return null;
  return { x: x(from), width: Math.max(1, x(to) - x(from)) };
}

/** The first label that fits in `widthPx`, or null when none does. */
export function fittingLabel(candidates: readonly string[], widthPx: number): string | null {
  return candidates.find((text) => labelWidthPx(text) <= widthPx) ?? null;
}

export const labelWidthPx = (text: string): number => text.length * LABEL_CHAR_PX + LABEL_PADDING_PX;

export type BandTone = Exclude<Phase['kind'], 'precopy'> | 'round-a' | 'round-b';

/** Names written on the bands. */
const BAND_NAME: Record<Phase['kind'], string> = {
  setup: 'setup',
  disk: 'disk copy',
  precopy: 'pre-copy',
  blackout: 'blackout',
  postcopy: 'post-copy',
  drain: 'drain',
  offline: 'offline',
};

export interface Band {
  key: string;
  tone: BandTone;
  startMs: number;
  endMs: number;
  /** Labels to try, longest first. */
  labels: string[];
  title: string;
}

/** One band per phase, except pre-copy, which gets one band per round in alternating shades. */
export function phaseBands(trace: Trace): Band[] {
  const pageBytes = pageBytesOf(trace);
  const bands: Band[] = [];
  for (const phase of trace.phases) {
    const { kind, startMs, endMs } = phase;
    if (kind === 'precopy' && trace.rounds.length > 0) {
      for (const round of trace.rounds) bands.push(roundBand(round, pageBytes));
      continue;
    }
    const seconds = formatMs(endMs - startMs);
    const name = BAND_NAME[kind];
    const labels = kind === 'setup' || kind === 'precopy' ? [name] : [`${name} ${seconds}`, name];
    const tone: BandTone = kind === 'precopy' ? 'round-a' : kind;
    bands.push({ key: `${kind}-${startMs}`, tone, startMs, endMs, labels, title: phaseTitle(phase) });
  }
  return bands;
}

function roundBand(round: Round, pageBytes: number): Band {
  return {
    key: `round-${round.index}`,
    tone: round.index % 2 === 1 ? 'round-a' : 'round-b',
    startMs: round.startMs,
    endMs: round.endMs,
    labels: [`Round ${round.index}`, `R${round.index}`],
    title: roundTitle(round, pageBytes),
  };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RoundBar {
  round: Round;
  /** The whole column of the round: the control's hit area. */
  column: Box;
  /** Bytes the round sent, and the dirty pages it left (as bytes) in a narrow bar at its end. */
  sent: Box;
  dirtyLeft: Box;
}

/** Widest the left-dirty bar gets, px. */
const DIRTY_LEFT_MAX_PX = 8;

/** Bars for the rounds inside the domain on one bytes scale; a bar taller than the scale allows is cut at the top. */
export function roundBars(trace: Trace, x: TimeScale, row: Row): RoundBar[] {
  const pageBytes = pageBytesOf(trace);
  const visible = trace.rounds.flatMap((round) => {
    const span = spanOf(x, round.startMs, round.endMs);
    return span ? [{ round, span, dirtyBytesAtEnd: round.dirtyPagesAtEnd * pageBytes }] : [];
  });
  // Zoomed in, round 1's tail would dwarf the later rounds: fit the scale to the rounds that start in view.
  const startsInView = visible.filter((v) => v.round.startMs >= x.domain()[0]);
  const fitted = startsInView.length > 0 ? startsInView : visible;
  const maxBytes = max(fitted, (v) => Math.max(v.round.bytesSent, v.dirtyBytesAtEnd)) || 1;
  const bottom = row.top + row.height;
  const y = scaleLinear([0, maxBytes], [bottom, row.top + 2]).clamp(true);
  const bar = (left: number, width: number, bytes: number): Box => {
    const top = Math.min(y(bytes), bottom - 1);
    return { x: left, y: top, width: Math.max(1, width), height: bottom - top };
  };
  return visible.map(({ round, span, dirtyBytesAtEnd }) => {
    const inset = span.width > 6 ? 1 : 0;
    const inner = span.width - 2 * inset;
    const leftWidth = Math.max(1, Math.min(DIRTY_LEFT_MAX_PX, inner * 0.25));
    return {
      round,
      column: { x: span.x, y: row.top, width: span.width, height: row.height },
      sent: bar(span.x + inset, inner - leftWidth, round.bytesSent),
      dirtyLeft: bar(span.x + inset + inner - leftWidth, leftWidth, dirtyBytesAtEnd),
    };
  });
}

/** Past this many px from the right edge a flag's chip hangs to the left of its pole, so it is not cut off. */
const FLAG_CHIP_PX = 190;
/** Enough for the remove button alone. */
const MIN_CHIP_PX = 26;

export interface FlagPlacement {
  hangLeft: boolean;
  /** Shift of the chip's near edge from its pole, px: to the right when it hangs right, to the left otherwise. */
  shiftPx: number;
  /** Room before the next chip on the side it hangs to; the label is cut short to fit. */
  maxWidthPx: number;
}

/**
 * Chips of flags hang right of their pole, or left near the right edge. Chips at the same place are shifted apart
 * so each remove button stays visible; each chip ends where the next begins.
 */
export function flagPlacements(flagsPx: readonly number[], widthPx: number): FlagPlacement[] {
  const placements: FlagPlacement[] = new Array(flagsPx.length);
  const order = flagsPx.map((_, i) => i).sort((a, b) => flagsPx[a] - flagsPx[b] || a - b);
  const hangsLeft = (i: number) => flagsPx[i] > widthPx - FLAG_CHIP_PX;
  // Positions along the side the chips hang to: distance from the left edge, or from the right edge.
  const lay = (indices: number[], along: (px: number) => number, hangLeft: boolean) => {
    const starts: number[] = [];
    indices.forEach((i, k) => starts.push(Math.max(along(flagsPx[i]), k > 0 ? starts[k - 1] + MIN_CHIP_PX : 0)));
    indices.forEach((i, k) => {
      const next = k + 1 < indices.length ? starts[k + 1] : widthPx;
      placements[i] = {
        hangLeft,
        shiftPx: starts[k] - along(flagsPx[i]),
        maxWidthPx: Math.max(MIN_CHIP_PX, next - starts[k] - 2),
      };
    });
  };
  lay(
    order.filter((i) => !hangsLeft(i)),
    (px) => px,
    false,
  );
  lay(order.filter(hangsLeft).reverse(), (px) => widthPx - px, true);
  return placements;
}
