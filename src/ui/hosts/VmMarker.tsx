/** Where the guest is: a bold badge on the host it runs on, or on the link while it is paused or once lost. */
export function VmMarker({ state }: { state: 'running' | 'paused' | 'lost' }) {
  if (state === 'lost')
    return (
      <p className="vm-marker vm-marker--lost">
        <span aria-hidden="true">✕ </span>VM lost
      </p>
    );
  if (state === 'paused')
    return (
      <p className="vm-marker vm-marker--paused">
        <span className="vm-marker__line">
          <span aria-hidden="true">❚❚ </span>VM paused
        </span>{' '}
        <span className="vm-marker__line vm-marker__note">(blackout)</span>
      </p>
    );
  return (
    <p className="vm-marker vm-marker--running">
      <span aria-hidden="true">▶ </span>VM running here
    </p>
  );
}
