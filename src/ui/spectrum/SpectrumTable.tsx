import type { SpectrumEntry } from '../../engine';
import { formatBytes, formatMs } from '../format';
import { downtimeText, upperFirst } from './spectrumText';

/** Every approach side by side: how it works and what it costs, in the engine's order of disruption. */
export function SpectrumTable({ entries }: { entries: readonly SpectrumEntry[] }) {
  return (
    <div className="spectrum-table">
      <table>
        <caption>What each approach costs in this scenario, most disruptive first</caption>
        <thead>
          <tr>
            <th scope="col">Approach</th>
            <th scope="col">How it works</th>
            <th scope="col">Downtime</th>
            <th scope="col">Total time</th>
            <th scope="col">Bytes sent</th>
            <th scope="col">State lost</th>
            <th scope="col">Must the guest cooperate?</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.approach} className={e.approach === 'live-migration' ? 'is-live' : undefined}>
              <th scope="row">{e.label}</th>
              <td>{upperFirst(e.how)}</td>
              <td className="is-number">{downtimeText(e)}</td>
              <td className="is-number">{formatMs(e.totalMs)}</td>
              <td className="is-number">{formatBytes(e.bytesSent)}</td>
              <td>{upperFirst(e.stateLost)}</td>
              <td>{upperFirst(e.guestCooperation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
