import type { KeyboardEvent } from 'react';
import type { Trace } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { fittingLabel, pageBytesOf, roundBars, type Row, type TimeScale } from './timelineLayout';
import { noRoundsText, roundBarLabels, roundTitle } from './timelineText';

/** Per round: a bar of the bytes it sent and a marker of what the sync at its end marked to send. Each opens the round's explanation. */
export function RoundBars({ trace, x, row }: { trace: Trace; x: TimeScale; row: Row }) {
  const setExplain = useWorkspace((s) => s.setExplain);
  const pageBytes = pageBytesOf(trace);
  if (trace.rounds.length === 0) {
    return (
      <text className="round-bars__none" x={x.range()[0] + 4} y={row.top + row.height / 2} dominantBaseline="central">
        {noRoundsText(trace)}
      </text>
    );
  }
  return (
    <g className="round-bars">
      {roundBars(trace, x, row).map(({ round, column, sent, dirtyLeft }) => {
        const explain = () => setExplain({ kind: 'round', index: round.index });
        const onKeyDown = (e: KeyboardEvent) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          // Keep Space from also reaching the page-wide play/pause shortcut.
          e.preventDefault();
          e.stopPropagation();
          explain();
        };
        const title = roundTitle(round, pageBytes);
        const label = fittingLabel(roundBarLabels(round, pageBytes), column.width);
        return (
          <g
            key={round.index}
            className="round-bar"
            role="button"
            tabIndex={0}
            aria-label={`${title}. Explain this round`}
            onClick={explain}
            onKeyDown={onKeyDown}
          >
            <title>{`${title}. Click to explain this round.`}</title>
            <rect className="round-bar__hit" {...column} />
            <rect className="round-bar__sent" {...sent} />
            <rect className="round-bar__left" {...dirtyLeft} />
            {label && (
              <text className="round-bar__label" x={column.x + 4} y={row.top + 3} dominantBaseline="hanging">
                {label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
