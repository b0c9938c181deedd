/** The migration over time (being built). */
export function TimelinePanel() {
  return <h2>Timeline</h2>;
}
