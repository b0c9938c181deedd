import { TARGET_PAGE_BYTES } from '../units';

/** Header QEMU puts in front of each 4 KiB page record (offset and flags). */
export const PAGE_HEADER_BYTES = 8;
/** A zero page goes as its header plus one byte. */
export const ZERO_PAGE_RECORD_BYTES = PAGE_HEADER_BYTES + 1;

/** Wire sizes for one tracked page (a huge page goes as a run of 4 KiB records). */
export interface WireSizes {
  normalBytes: number;
  zeroBytes: number;
  /** Time to check one tracked page for zeros, in ms. */
  zeroScanMs: number;
}

export function wireSizes(pageBytes: number, zeroPageDetection: boolean, zeroScanUs: number): WireSizes {
  const records = Math.max(1, pageBytes / TARGET_PAGE_BYTES);
  const normalBytes = records * (TARGET_PAGE_BYTES + PAGE_HEADER_BYTES);
  return {
    normalBytes,
    zeroBytes: zeroPageDetection ? records * ZERO_PAGE_RECORD_BYTES : normalBytes,
    zeroScanMs: zeroPageDetection ? (records * zeroScanUs) / 1000 : 0,
  };
}
