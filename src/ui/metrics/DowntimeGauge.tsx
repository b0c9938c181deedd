import { scaleLog } from 'd3';
import { TCP_TIMEOUT_MS } from './diagnosis';

const MIN_MS = 1;
const MAX_MS = 100_000;
const START = -Math.PI * 0.75;
const END = Math.PI * 0.75;

const angle = scaleLog().domain([MIN_MS, MAX_MS]).range([START, END]).clamp(true);

function point(r: number, a: number): [number, number] {
  return [60 + r * Math.sin(a), 62 - r * Math.cos(a)];
}

function arc(r: number, from: number, to: number): string {
  const [x0, y0] = point(r, from);
  const [x1, y1] = point(r, to);
  return `M${x0},${y0} A${r},${r} 0 ${to - from > Math.PI ? 1 : 0} 1 ${x1},${y1}`;
}

/**
 * The downtime on a logarithmic dial from 1 ms to 100 s, with the 750 ms TCP-timeout mark and the
 * scenario's limit; past the TCP mark the needle's arc turns to the blackout colour.
 */
export function DowntimeGauge({
  downtimeMs,
  limitMs,
  ghostMs,
}: {
  downtimeMs: number;
  limitMs: number;
  ghostMs?: number;
}) {
  const a = angle(Math.max(MIN_MS, downtimeMs));
  const tcp = angle(TCP_TIMEOUT_MS);
  const limit = angle(limitMs);
  const over = downtimeMs > TCP_TIMEOUT_MS;
  const [nx, ny] = point(40, a);
  const [tx0, ty0] = point(43, tcp);
  const [tx1, ty1] = point(56, tcp);
  const [lx0, ly0] = point(44, limit);
  const [lx1, ly1] = point(52, limit);
  return (
    // The labels are HTML under the dial, not SVG text: scaled with the dial they were 7 px on a projector.
    // The view box holds the whole dial, its lower ends included.
    <div className="gauge" aria-hidden="true">
      <svg className="gauge__dial" viewBox="0 4 120 98">
        <path d={arc(48, START, END)} className="gauge__track" />
        <path d={arc(48, START, Math.min(a, tcp))} className="gauge__ok" />
        {over && <path d={arc(48, tcp, a)} className="gauge__over" />}
        {ghostMs !== undefined && (
          <line
            x1={60}
            y1={62}
            x2={point(40, angle(Math.max(MIN_MS, ghostMs)))[0]}
            y2={point(40, angle(Math.max(MIN_MS, ghostMs)))[1]}
            className="gauge__ghost"
          />
        )}
        <line x1={tx0} y1={ty0} x2={tx1} y2={ty1} className="gauge__tcp" />
        <line x1={lx0} y1={ly0} x2={lx1} y2={ly1} className="gauge__limit" />
        <line x1={60} y1={62} x2={nx} y2={ny} className="gauge__needle" />
        <circle cx={60} cy={62} r={3.5} className="gauge__hub" />
      </svg>
      <div className="gauge__scale">
        <span>1 ms</span>
        <span>100 s</span>
      </div>
      <div className="gauge__key">
        <span className="gauge__key-mark" /> 750 ms: TCP
      </div>
    </div>
  );
}
