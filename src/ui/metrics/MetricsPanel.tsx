/** The four goals and the stop reason (being built). */
export function MetricsPanel() {
  return (
    <section className="region region--metrics" aria-label="Metrics">
      <h2>Metrics</h2>
    </section>
  );
}
