import type { Approach, SpectrumEntry } from '../../engine';
import { formatMbps, formatMs } from '../format';
import { TCP_TIMEOUT_MS } from './chartScale';

export function entryFor(entries: readonly SpectrumEntry[], approach: Approach): SpectrumEntry | undefined {
  return entries.find((e) => e.approach === approach);
}

/** A live migration that never switched over has no downtime to show. */
export function finished(entry: SpectrumEntry): boolean {
  return entry.completed;
}

export function downtimeText(entry: SpectrumEntry): string {
  return finished(entry) ? formatMs(entry.downtimeMs) : 'did not finish';
}

export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** "a", "a and b", "a, b and c" */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What the comparison shows for this scenario, in two or three plain sentences. */
export function summaryText(entries: readonly SpectrumEntry[]): string {
  const live = entryFor(entries, 'live-migration');
  const quick = entryFor(entries, 'quick-migration');
  const soft = entryFor(entries, 'soft-power-down');
  const carry = entryFor(entries, 'suspend-and-carry');
  if (!live || !quick || !soft || !carry) return 'The engine sent no figures to compare for this scenario.';
  const noQuick = 'quick migration cannot happen here either';
  const sentences = [
    finished(live)
      ? `Live migration pauses the VM for ${formatMs(live.downtimeMs)}; ` +
        `${finished(quick) ? `quick migration for ${formatMs(quick.downtimeMs)}` : noQuick}; ` +
        `a clean shutdown and boot for ${formatMs(soft.downtimeMs)}.`
      : `Live migration does not finish here, so the VM stays where it is; ` +
        `${finished(quick) ? `quick migration pauses it for ${formatMs(quick.downtimeMs)}` : noQuick}; ` +
        `a clean shutdown and boot takes ${formatMs(soft.downtimeMs)}.`,
  ];
  const short = entries.filter((e) => finished(e) && e.downtimeMs < TCP_TIMEOUT_MS);
  if (short.length === 0)
    sentences.push(
      `No approach keeps the pause under ${TCP_TIMEOUT_MS} ms here, so open connections break whichever you choose.`,
    );
  else {
    const names = short.map((e) => (e === live ? 'live migration' : lowerFirst(e.label)));
    const who = short.length === 1 ? `Only ${names[0]} keeps` : `${upperFirst(listOf(names))} keep`;
    sentences.push(`${who} the pause under ${TCP_TIMEOUT_MS} ms, short enough for open connections to survive.`);
  }
  if (finished(quick) && carry.downtimeMs < quick.downtimeMs)
    sentences.push(
      `Carrying the saved VM (${formatMs(carry.downtimeMs)}) is quicker than sending it over this link ` +
        `with quick migration.`,
    );
  return sentences.join(' ');
}

/** The chart read out as text, for the screen reader. */
export function chartLabel(entries: readonly SpectrumEntry[]): string {
  const bars = entries.map((e) => `${e.label}: ${downtimeText(e)}`).join('; ');
  return (
    `Downtime of each approach on a logarithmic scale, most disruptive first. ${bars}. ` +
    `A dashed line marks ${TCP_TIMEOUT_MS} ms, about the longest pause open connections survive.`
  );
}

export function linkText(linkMbps: number, rttMs: number): string {
  return `${formatMbps(linkMbps)}, ${formatMs(rttMs)} round trip`;
}
