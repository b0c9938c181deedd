import { engineWorker } from '../worker/engineClient';
import { EngineStatus } from './EngineStatus';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Brownout</h1>
        <p className="tagline">a live-migration lab</p>
        <EngineStatus engine={engineWorker} />
      </header>
      <main className="lab">
        <section className="region region--controls" aria-label="Controls">
          <h2>Controls</h2>
        </section>
        <section className="region region--stage" aria-label="Hosts">
          <h2>Source and destination</h2>
        </section>
        <section className="region region--metrics" aria-label="Metrics">
          <h2>Metrics</h2>
        </section>
        <section className="region region--timeline" aria-label="Timeline">
          <h2>Timeline</h2>
        </section>
      </main>
    </div>
  );
}
