import type { ReactNode } from 'react';
import { formatMbps } from '../format';

interface Props {
  /** Migration throughput at the playhead, Mbit/s; null before the first run. */
  bandwidthMbps: number | null;
  /** The migration is over at the playhead. */
  finished: boolean;
  /** What the link says once it is over: finished, abandoned, the VM lost, the simulation stopped. */
  endCaption: string;
  /** Shown above the link: the VM marker while the VM is paused. */
  marker: ReactNode;
  /** Said at the top of the link's column, between the hosts' names (the stale label). */
  note?: ReactNode;
}

/** The network between the hosts: throughput at the playhead, with dashes flowing while pages move. */
export function LinkArrow({ bandwidthMbps, finished, endCaption, marker, note }: Props) {
  const flowing = !finished && bandwidthMbps !== null && bandwidthMbps > 0;
  const caption = finished ? endCaption : flowing ? 'migration traffic' : 'no traffic';
  return (
    <div className="link" role="group" aria-label="Migration link, source to destination">
      {note}
      <div className="link__marker">{marker}</div>
      <div className="link__body">
        <p className="link__rate">{bandwidthMbps === null ? '–' : formatMbps(finished ? 0 : bandwidthMbps)}</p>
        <div className={flowing ? 'link__wire link__wire--flowing' : 'link__wire'} aria-hidden="true" />
        <p className="link__caption">{caption}</p>
      </div>
    </div>
  );
}
