import { HEAT_BAND_NAMES, HeatBand } from '../../engine';
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

/** The colour key: the seven page states, with each host's colour for them. */
export function Legend() {
  return (
    <table className="legend">
      <caption className="legend__caption">Colour key: page states on each host</caption>
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
  );
}
