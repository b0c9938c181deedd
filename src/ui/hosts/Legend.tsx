import { HEAT_BAND_NAMES, HeatBand } from '../../engine';
import type { CellColouring } from './HeatmapCanvas';
import { SWATCHES, type HostView } from './palettes';

/** The bands in the order a page lives through them. */
const ORDER = [
  HeatBand.Untouched,
  HeatBand.NotSent,
  HeatBand.InFlight,
  HeatBand.SentClean,
  HeatBand.Dirtied,
  HeatBand.Fetched,
  HeatBand.Pushed,
];

/** What a colour means on the destination, where that differs from the source's colour. */
const DESTINATION_NOTES: Partial<Record<number, { text: string; onDark: boolean }>> = {
  [HeatBand.NotSent]: { text: 'missing', onDark: true },
  [HeatBand.Dirtied]: { text: 'stale copy', onDark: false },
  [HeatBand.InFlight]: { text: 'arriving', onDark: true },
};

const VIEWS: { view: HostView; title: string }[] = [
  { view: 'source', title: 'Source' },
  { view: 'destination', title: 'Destination' },
];

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

/** How the cells are coloured, said exactly. */
const HOW: Record<CellColouring, string> = {
  priority:
    'a cell takes the colour of the most important state among its pages (ringed: fetched on a fault just now, then in flight, dirtied or stale, not yet sent, fetched, pushed, sent, untouched); the paler, the fewer of its pages are in it',
  mix: "a cell mixes its pages' colours by how many are in each state",
};

/** The colour key: the seven page states, with each host's colour for them, and how a cell is coloured. */
export function Legend({ colouring = 'priority' }: { colouring?: CellColouring }) {
  return (
    <>
      <table className="legend">
        <caption className="legend__caption">Colour key: page states on each host; {HOW[colouring]}</caption>
        <thead>
          <tr>
            <td />
            {ORDER.map((band) => (
              <th key={band} scope="col">
                {capitalise(HEAT_BAND_NAMES[band])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {VIEWS.map(({ view, title }) => (
            <tr key={view}>
              <th scope="row">{title}</th>
              {ORDER.map((band) => {
                const { cssVar, fallback } = SWATCHES[view][band];
                const note = view === 'destination' ? DESTINATION_NOTES[band] : undefined;
                return (
                  <td key={band}>
                    <span
                      className={note?.onDark ? 'legend__swatch legend__swatch--dark' : 'legend__swatch'}
                      style={{ background: `var(${cssVar}, ${fallback})` }}
                    >
                      {note?.text}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="legend__how">
        {colouring === 'priority'
          ? 'A cell shows the most important state among its pages, paler when fewer are in it; a ring: a fault just now.'
          : 'A cell mixes its pages’ colours by share: rare states can vanish in the mix.'}
      </p>
    </>
  );
}
