/** Source and destination hosts with their memory heatmaps (being built). */
export function HostsPanel() {
  return (
    <section className="region region--stage" aria-label="Hosts">
      <h2>Source and destination</h2>
    </section>
  );
}
