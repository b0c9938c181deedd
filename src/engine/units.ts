/**
 * Unit conversions: the only bridge between MiB, bytes, pages, Mbit/s and bytes per millisecond.
 * Names carry their unit; nothing else in the engine multiplies by 1024 or 8.
 */
export const BYTES_PER_KIB = 1024;
export const BYTES_PER_MIB = 1024 * 1024;
/** Target page size QEMU tracks and sends in; huge pages are sent as runs of these. */
export const TARGET_PAGE_BYTES = 4096;

export const mibToBytes = (mib: number): number => mib * BYTES_PER_MIB;
export const kibToBytes = (kib: number): number => kib * BYTES_PER_KIB;
export const bytesToMiB = (bytes: number): number => bytes / BYTES_PER_MIB;

/** Link speeds are decimal: 1 Mbit/s = 10^6 bit/s = 125 bytes per millisecond. */
export const mbpsToBytesPerMs = (mbps: number): number => (mbps * 1e6) / 8 / 1000;
export const bytesPerMsToMbps = (bytesPerMs: number): number => (bytesPerMs * 1000 * 8) / 1e6;
export const mibpsToBytesPerMs = (mibps: number): number => mibToBytes(mibps) / 1000;

/** Pages of `pageBytes` needed to hold `mib` MiB (rounded down: a partial page is not a page). */
export const mibToPages = (mib: number, pageBytes: number): number => Math.floor(mibToBytes(mib) / pageBytes);
