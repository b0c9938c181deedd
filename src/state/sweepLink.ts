import { quoteText, type Scenario } from '../engine';
import type { LinkExtras } from './linkExtras';
import { decodeScenarioPairs, encodeScenarioPairs } from './scenarioPairs';
import { checkSpec, defaultSpec, sweepField, type SweepSpec } from './sweep';

/**
 * A sweep in a link: `sweep=1` (this format's version), the field and range, `sweep.each=strategy` for one
 * series per strategy, and `sweep.base` (the scenario swept, as `path:value;...`) when it is not the
 * lab's own: `sweep=1&sweep.field=workload.writeRateMiBps&sweep.from=1&sweep.to=1000&sweep.points=100`.
 */
const VERSION = 1;

export function encodeSweep(spec: SweepSpec, base: Scenario | null, lab: Scenario): LinkExtras {
  if (!base) return {};
  const extras: LinkExtras = {
    sweep: String(VERSION),
    'sweep.field': spec.field,
    'sweep.from': String(spec.from),
    'sweep.to': String(spec.to),
    'sweep.points': String(spec.points),
  };
  if (spec.eachStrategy) extras['sweep.each'] = 'strategy';
  if (encodeScenarioPairs(base) !== encodeScenarioPairs(lab)) extras['sweep.base'] = encodeScenarioPairs(base);
  return extras;
}

const numberParam = (text: string | undefined): number =>
  text === undefined || text.trim() === '' ? NaN : Number(text);

/**
 * The sweep a link holds (null: none), on the lab's scenario unless it names its own base; a setting that
 * cannot be read gets its default and a line naming the parameter and what it may be.
 */
export function decodeSweep(
  extras: LinkExtras,
  lab: Scenario,
): { spec: SweepSpec; base: Scenario; problems: string[] } | null {
  const names = Object.keys(extras).filter((k) => k === 'sweep' || k.startsWith('sweep.'));
  if (names.length === 0) return null;
  const problems: string[] = [];
  if (extras.sweep !== String(VERSION))
    problems.push(
      extras.sweep === undefined
        ? `sweep: missing; the sweep was read as version ${VERSION}`
        : `sweep: ${quoteText(extras.sweep)} is not a sweep format this Brownout reads (version ${VERSION}); read as version ${VERSION}`,
    );
  let base = lab;
  if (extras['sweep.base'] !== undefined) {
    const read = decodeScenarioPairs(extras['sweep.base'], 'sweep.base');
    base = read.scenario;
    problems.push(...read.problems);
  }
  const fieldText = extras['sweep.field'] ?? 'workload.writeRateMiBps';
  const field = sweepField(fieldText);
  if (!field)
    problems.push(
      `sweep.field: ${quoteText(fieldText)} is not a field a sweep can step; the write rate was swept instead`,
    );
  const fallback = defaultSpec(field?.path ?? 'workload.writeRateMiBps', base, extras['sweep.each'] === 'strategy');
  if (extras['sweep.each'] !== undefined && extras['sweep.each'] !== 'strategy')
    problems.push(`sweep.each: ${quoteText(extras['sweep.each'])} is not "strategy"; one series was swept`);
  const spec: SweepSpec = { ...fallback };
  for (const key of ['from', 'to', 'points'] as const) {
    const text = extras[`sweep.${key}`];
    if (text === undefined) continue;
    const candidate = { ...spec, [key]: numberParam(text) };
    const wrong = checkSpec(candidate).find((p) => p.startsWith(`${key}:`));
    if (wrong) problems.push(`sweep.${wrong}; ${fallback[key]} was used`);
    else spec[key] = candidate[key];
  }
  const rest = checkSpec(spec);
  if (rest.length > 0) {
    problems.push(...rest.map((p) => `sweep.${p}; the field's own range was swept`));
    return { spec: fallback, base, problems };
  }
  return { spec, base, problems };
}
