// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatBytes, formatMbps, formatMs } from '../../../src/ui/format';

describe('formatting', () => {
  it.each([
    [0.5, '0.5 ms'],
    [0.0066, '6.6 µs'],
    [0.021, '21 µs'],
    [0, '0 ms'],
    [286.4, '286 ms'],
    [999.7, '1 s'],
    [19_149, '19.1 s'],
    [99_990, '1 min 40 s'],
    [239_600, '4 min 0 s'],
    [3_599_700, '1 h 0 min'],
    [5_400_000, '1 h 30 min'],
    [200 * 3_600_000, '8 d 8 h'],
  ])('%d ms reads "%s"', (ms, text) => expect(formatMs(ms)).toBe(text));

  it('bytes in binary units, links in decimal ones', () => {
    expect(formatBytes(2_360_000_000)).toBe('2.2 GiB');
    expect(formatMbps(999.7)).toBe('1 Gbit/s');
    expect(formatMbps(536.870912)).toBe('537 Mbit/s');
  });
});
