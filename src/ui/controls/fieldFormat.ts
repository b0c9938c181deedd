import type { Scenario } from '../../engine';
import type { ValueDisplay } from '../../state/fields';
import { formatCount, formatMbps, formatMiB, formatMs } from '../format';

const pctOf = (value: number, of: number) => (of > 0 ? Math.round((100 * value) / of) : 0);

/** A field's value as its control shows it, with its unit (and "no cap", "none" for a zero that means so). */
export function formatFieldValue(display: ValueDisplay, v: number, s: Scenario): string {
  if (v === 0 && display.zero) return display.zero;
  switch (display.as) {
    case 'mib':
      return formatMiB(v);
    case 'mib-of-memory':
      return `${formatMiB(v)} (${pctOf(v, s.vm.memoryMiB)} %)`;
    case 'mib-of-used':
      return `${formatMiB(v)} (${pctOf(v, s.vm.usedMiB)} % of used)`;
    case 'mibps':
      return `${v < 10 ? v : formatCount(v)} MiB/s`;
    case 'mbps':
      return formatMbps(v);
    case 'ms':
      return formatMs(v);
    case 'rounds':
      return `${v} round${v === 1 ? '' : 's'}`;
    case 'pct':
      return `${v} %`;
    case 'us':
      return `${v} µs`;
    case 'count':
      return formatCount(v);
  }
}
