import { PREPAGING, STOP_RULES, WRITE_PATTERNS } from '../../engine/scenario/schema';
import { useLab } from '../../state/LabContext';
import { formatMbps, formatMiB, formatMs } from '../format';
import { Choice } from './Choice';
import { StepSlider } from './StepSlider';
import { Toggle } from './Toggle';

const STOP_RULE_LABELS: Record<(typeof STOP_RULES)[number], string> = {
  qemu: 'QEMU: fits in bandwidth × limit',
  xen: 'Xen: < 50 pages or round cap',
  'xen-legacy': 'Old Xen: also 3× memory sent',
  'no-progress': 'Stop when no progress',
};
const PATTERN_LABELS: Record<(typeof WRITE_PATTERNS)[number], string> = {
  uniform: 'Uniform',
  hotcold: 'Hot / cold',
  sequential: 'Sequential sweep',
  zipf: 'Zipf (skewed)',
};
/** Freed memory as shares of the used memory. */
const FREED_SHARES = [0, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75];

const PREPAGING_LABELS: Record<(typeof PREPAGING)[number], string> = {
  none: 'Off: address order',
  forward: 'After each fault (QEMU)',
  bubble: 'Around each fault (bubbling)',
};

/** Everything beyond the main sliders, folded away so the projector view stays calm. */
export function MoreSettings() {
  const s = useLab((st) => st.scenario);
  const change = useLab((st) => st.changeField);
  return (
    <details className="more-settings">
      <summary>More settings</summary>
      <Choice
        label="Stop rule"
        hint="What ends pre-copy: QEMU's threshold test, Xen's small-set and round-cap rules, or no-progress detection."
        value={s.precopy.stopRule}
        options={STOP_RULES.map((v) => ({ value: v, label: STOP_RULE_LABELS[v] }))}
        onChange={(v) => change('precopy.stopRule', v)}
      />
      <Choice
        label="If pre-copy does not converge"
        hint="At the round cap or timeout: force a stop-and-copy (a long blackout) or abort and stay on the source."
        value={s.precopy.onNoConvergence}
        options={[
          { value: 'stop-and-copy', label: 'Force stop-and-copy' },
          { value: 'abort', label: 'Abort, stay on source' },
        ]}
        onChange={(v) => change('precopy.onNoConvergence', v)}
      />
      <Choice
        label="Write pattern"
        hint="How the guest's writes spread over its working set."
        value={s.workload.pattern}
        options={WRITE_PATTERNS.map((v) => ({ value: v, label: PATTERN_LABELS[v] }))}
        onChange={(v) => change('workload.pattern', v)}
      />
      <StepSlider
        label="Round-trip time"
        hint="Latency between the hosts. Each post-copy fault waits at least one round trip."
        values={[0, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]}
        value={s.network.rttMs}
        format={formatMs}
        onChange={(v) => change('network.rttMs', v)}
      />
      <StepSlider
        label="Other services' traffic"
        hint="What neighbours on the source host want to send. An uncapped migration takes its fair share from them."
        values={[0, 50, 100, 200, 300, 500, 750, 1000, 2000, 5000]}
        value={s.network.otherTrafficMbps}
        format={(v) => (v === 0 ? 'none' : formatMbps(v))}
        onChange={(v) => change('network.otherTrafficMbps', v)}
      />
      <Choice
        label="Post-copy pre-paging"
        hint="After a fault, push the pages next to it first, hoping the guest touches them soon."
        value={s.postcopy.prepaging}
        options={PREPAGING.map((v) => ({ value: v, label: PREPAGING_LABELS[v] }))}
        onChange={(v) => change('postcopy.prepaging', v)}
      />
      <StepSlider
        label="Hybrid: pre-copy rounds first"
        hint="How many pre-copy rounds run before the hybrid strategy switches to post-copy."
        values={[1, 2, 3, 4, 5, 6, 8, 10]}
        value={s.hybrid.switchAfterRounds}
        format={(v) => `${v} round${v === 1 ? '' : 's'}`}
        onChange={(v) => change('hybrid.switchAfterRounds', v)}
      />
      <Toggle
        label="Free-page hinting"
        hint="Paravirtual help: the guest tells the host which pages it freed, so they are never sent."
        checked={s.precopy.freePageHinting}
        onChange={(v) => change('precopy.freePageHinting', v)}
      />
      <StepSlider
        label="Freed memory"
        hint="Of the used memory, what the guest has freed again. With free-page hinting it is skipped; without, it goes like any used page."
        values={FREED_SHARES.map((share) => Math.round(s.vm.usedMiB * share * 1000) / 1000)}
        value={s.vm.freeMiB}
        format={(v) => `${formatMiB(v)} (${s.vm.usedMiB > 0 ? Math.round((100 * v) / s.vm.usedMiB) : 0} % of used)`}
        onChange={(v) => change('vm.freeMiB', v)}
      />
      <Toggle
        label="Stun a rogue writer"
        hint="Paravirtual help: when the dirty set stops shrinking, the guest freezes the process dirtying memory fastest."
        checked={s.precopy.stunRogue}
        onChange={(v) => change('precopy.stunRogue', v)}
      />
      <Toggle
        label="2 MiB huge pages"
        hint="Track memory in 2 MiB pages: fewer pages to scan, but one written byte dirties 2 MiB."
        checked={s.vm.pageKiB === 2048}
        onChange={(v) => change('vm.pageKiB', v ? 2048 : 4)}
      />
    </details>
  );
}
