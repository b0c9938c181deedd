import type { Scenario } from '../scenario/schema';
import { kibToBytes, mibToBytes } from '../units';

/**
 * Where things sit in guest memory, in pages. Used memory starts at page 0; the writable working set
 * sits at the top of it (the guest's long-lived data below stays clean), freed pages just under the
 * working set, zero pages above everything.
 */
export interface MemoryLayout {
  pageBytes: number;
  pageCount: number;
  usedPages: number;
  /** Pages the guest freed again: still written once, but free-page hinting can skip them. */
  freeFrom: number;
  freeTo: number;
  /** The working set always ends here; resizing it moves its start. */
  wssEnd: number;
}

const pagesOf = (bytes: number, pageBytes: number) => Math.floor(bytes / pageBytes);

export function layoutMemory(scenario: Scenario): MemoryLayout {
  const pageBytes = kibToBytes(scenario.vm.pageKiB);
  const pageCount = Math.max(1, pagesOf(mibToBytes(scenario.vm.memoryMiB), pageBytes));
  const usedPages = Math.min(pageCount, Math.ceil(mibToBytes(scenario.vm.usedMiB) / pageBytes));
  const wssPages = Math.min(pageCount, Math.ceil(mibToBytes(scenario.workload.wssMiB) / pageBytes));
  const wssEnd = Math.max(usedPages, wssPages);
  const wssStart = wssEnd - wssPages;
  const freePages = Math.min(wssStart, pagesOf(mibToBytes(scenario.vm.freeMiB), pageBytes));
  return { pageBytes, pageCount, usedPages, freeFrom: wssStart - freePages, freeTo: wssStart, wssEnd };
}

/** The working set's pages for a given size: [from, to). */
export function wssRange(layout: MemoryLayout, wssMiB: number): [number, number] {
  const pages = Math.min(layout.pageCount, Math.ceil(mibToBytes(wssMiB) / layout.pageBytes));
  if (pages <= layout.wssEnd) return [layout.wssEnd - pages, layout.wssEnd];
  return [0, pages];
}
