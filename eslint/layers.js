// The layer rule: what each folder of src/ may import, at any depth. See docs/architecture.md.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const LAYERS = ['engine', 'worker', 'state', 'ui', 'cli'];

/** Which layers each layer may import from (itself included). */
const MAY_IMPORT = {
  engine: ['engine'],
  worker: ['engine', 'worker'],
  state: ['engine', 'worker', 'state'],
  ui: ['engine', 'worker', 'state', 'ui'],
  cli: ['engine', 'cli'],
};

/** Packages the pure engine may use: nothing that touches the DOM, React, zustand or Node. */
const ENGINE_PACKAGES = ['zod', 'd3-random', 'd3-array'];

/** Packages other layers may not use. */
const FORBIDDEN_PACKAGES = {
  worker: ['react', 'react-dom', 'zustand', 'd3'],
  state: ['react-dom', 'd3'],
  ui: [],
  cli: ['react', 'react-dom', 'zustand', 'comlink', 'd3'],
};

/** What runs the engine in the calling thread: off limits to the page's own layers. */
const ENGINE_RUNNERS = [
  'MigrationRun',
  'runScenario',
  'spectrum',
  'SpectrumRun',
  'FleetRun',
  'simulateFleet',
  'fitRecord',
  'FitRun',
];
const IN_THREAD_WORKER_FILES = ['inProcessEngine', 'scheduler', 'jobs', 'engineHost'];
const PAGE_LAYERS = ['state', 'ui'];

const NODE_BUILTINS = new Set(builtinModules);

function layerOf(srcRoot, file) {
  const rel = relative(srcRoot, file);
  if (rel.startsWith('..')) return null;
  const top = rel.split(sep)[0];
  return LAYERS.includes(top) ? top : null;
}

const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

export default {
  meta: { name: 'brownout-layers' },
  rules: {
    boundaries: {
      meta: {
        type: 'problem',
        docs: { description: 'Each layer of src/ imports only what it may, at every depth' },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const srcRoot = resolve(context.cwd, 'src');
        const from = layerOf(srcRoot, file);
        if (!from) return {};

        const check = (node, spec, importedNames) => {
          if (typeof spec !== 'string') return;
          const report = (message) => context.report({ node, message });
          if (!spec.startsWith('.')) {
            const pkg = packageOf(spec);
            const builtin = spec.startsWith('node:') || NODE_BUILTINS.has(pkg);
            if (from === 'engine' && (builtin || !ENGINE_PACKAGES.includes(pkg)))
              return report(
                `the engine is pure: it may import only ${ENGINE_PACKAGES.join(', ')} and engine files, not "${spec}"`,
              );
            if (from !== 'engine' && FORBIDDEN_PACKAGES[from].includes(pkg))
              return report(`src/${from}/ may not import "${spec}"`);
            return;
          }
          const target = resolve(dirname(file), spec);
          const to = layerOf(srcRoot, target);
          if (!to || to === from) return;
          if (!MAY_IMPORT[from].includes(to))
            return report(`src/${from}/ may not import from src/${to}/ ("${spec}"): see docs/architecture.md`);
          const inTarget = relative(resolve(srcRoot, to), target).replace(/\.(ts|tsx)$/, '');
          if (to === 'engine' && inTarget !== '' && inTarget !== 'index')
            return report(`import the engine through its index ("${spec}" reaches inside src/engine/)`);
          if (PAGE_LAYERS.includes(from)) {
            if (to === 'engine') {
              const runner = importedNames.find((n) => ENGINE_RUNNERS.includes(n));
              if (runner)
                return report(`src/${from}/ may not run the engine on the main thread (${runner}); ask the pool`);
            }
            if (to === 'worker' && IN_THREAD_WORKER_FILES.includes(inTarget))
              return report(`src/${from}/ may not run the engine on the main thread ("${spec}"); ask the pool`);
          }
        };

        const names = (node) =>
          (node.specifiers ?? [])
            .map((s) => (s.imported ? (s.imported.name ?? s.imported.value) : s.local?.name))
            .filter(Boolean);

        return {
          ImportDeclaration: (node) => check(node, node.source.value, names(node)),
          ExportNamedDeclaration: (node) =>
            node.source &&
            check(
              node,
              node.source.value,
              (node.specifiers ?? []).map((s) => s.local.name),
            ),
          ExportAllDeclaration: (node) => check(node, node.source.value, ENGINE_RUNNERS),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, ENGINE_RUNNERS),
        };
      },
    },
  },
};
