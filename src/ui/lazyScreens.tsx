import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * The views other than the lab, each in a chunk of its own that is fetched when first opened, so the lab's
 * first load carries only the lab (the budget: scripts/js-budget.mjs). The service worker precaches every
 * chunk, so a view opened for the first time while offline still loads.
 */
const named = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => ({ default: await load() }));

export const CompareScreen = named(async () => (await import('./compare/CompareScreen')).CompareScreen);
export const SweepScreen = named(async () => (await import('./sweep/SweepScreen')).SweepScreen);
export const FleetScreen = named(async () => (await import('./fleet/FleetScreen')).FleetScreen);
export const VariantsScreen = named(async () => (await import('./variants/VariantsScreen')).VariantsScreen);
export const ReplayScreen = named(async () => (await import('./replay/ReplayScreen')).ReplayScreen);
export const LessonsView = named(async () => (await import('./lessons/LessonsView')).LessonsView);
export const GlossaryView = named(async () => (await import('./glossary/GlossaryView')).GlossaryView);
export const ComparisonExport = named(async () => (await import('./export/manyRunExports')).ComparisonExport);
export const SweepExport = named(async () => (await import('./export/manyRunExports')).SweepExport);
export const PresentScreen = named(async () => (await import('./present/PresentScreen')).PresentScreen);
export const EmbedScreen = named(async () => (await import('./embed/EmbedScreen')).EmbedScreen);

/** Said while a view's code is on its way (usually too short to see; long on a slow link). */
function ScreenLoading({ name }: { name: string }) {
  return (
    <p className="screen-loading" role="status">
      Loading {name}…
    </p>
  );
}

/** Browsers word it differently ("Failed to fetch dynamically imported module", "error loading ..."). */
const isChunkFailure = (error: unknown) =>
  error instanceof Error && /dynamically imported module|importing a module script|error loading/i.test(error.message);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A view whose code could not be fetched (offline before the app was stored, or a release replaced it). */
class ScreenFailed extends Component<{ name: string; children: ReactNode }, { error: unknown }> {
  state = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  render() {
    if (this.state.error === null) return this.props.children;
    // Only a chunk that did not arrive is this boundary's business; any other error goes on as before.
    if (!isChunkFailure(this.state.error)) throw this.state.error;
    return (
      <div className="screen-loading" role="alert">
        <p>{capitalised(this.props.name)} could not be loaded: its code did not arrive (is the network off?).</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}

/** A lazily loaded view with its loading state and its failure message. */
export function LazyScreen({ name, children }: { name: string; children: ReactNode }) {
  return (
    <ScreenFailed name={name}>
      <Suspense fallback={<ScreenLoading name={name} />}>{children}</Suspense>
    </ScreenFailed>
  );
}
