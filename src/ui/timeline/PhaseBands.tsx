import type { Trace } from '../../engine';
import { fittingLabel, labelWidthPx, phaseBands, spanOf, type TimeScale, type TrackRows } from './timelineLayout';

/** Setup, the pre-copy rounds, the blackout and post-copy as coloured bands, each with a tooltip. */
export function PhaseBands({ trace, x, rows }: { trace: Trace; x: TimeScale; rows: TrackRows }) {
  const { bands, flags } = rows;
  const textY = bands.top + bands.height / 2;
  return (
    <g className="phase-bands">
      {phaseBands(trace).map((band) => {
        const span = spanOf(x, band.startMs, band.endMs);
        if (!span) return null;
        const inside = fittingLabel(band.labels, span.width);
        // The blackout matters most: when its band is too thin, name it above the band instead.
        const above = !inside && band.tone === 'blackout' ? band.labels[0] : null;
        const centre = span.x + span.width / 2;
        // Beside its leader line, on whichever side has room.
        const aboveOnRight = above !== null && centre - labelWidthPx(above) < x.range()[0];
        return (
          <g key={band.key} className={`band band--${band.tone}`} data-tone={band.tone}>
            <rect x={span.x} y={bands.top} width={span.width} height={bands.height}>
              <title>{band.title}</title>
            </rect>
            {inside && (
              <text x={centre} y={textY} textAnchor="middle" dominantBaseline="central">
                {inside}
              </text>
            )}
            {above && (
              <>
                <line x1={centre} x2={centre} y1={flags.top + 4} y2={bands.top} />
                <text
                  className="band__above"
                  x={aboveOnRight ? centre + 4 : centre - 4}
                  y={flags.top + flags.height / 2}
                  textAnchor={aboveOnRight ? 'start' : 'end'}
                >
                  {above}
                  <title>{band.title}</title>
                </text>
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}
