// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getPath, setPath, valueAt } from '../../../src/state/paths';

describe('dotted paths', () => {
  it('reads and writes without touching the original', () => {
    const a = { network: { linkMbps: 1000, rttMs: 1 } };
    const b = setPath(a, 'network.linkMbps', 10);
    expect(getPath(b, 'network.linkMbps')).toBe(10);
    expect(getPath(b, 'network.rttMs')).toBe(1);
    expect(a.network.linkMbps).toBe(1000);
  });

  it('the value in force at a time is the latest intervention at or before it', () => {
    const s = {
      network: { capMbps: 0 },
      interventions: [
        { atMs: 5000, path: 'network.capMbps', value: 200 },
        { atMs: 1000, path: 'network.capMbps', value: 50 },
        { atMs: 2000, path: 'network.linkMbps', value: 10 },
      ],
    };
    expect(valueAt(s, 'network.capMbps', 999)).toBe(0);
    expect(valueAt(s, 'network.capMbps', 1000)).toBe(50);
    expect(valueAt(s, 'network.capMbps', 4999)).toBe(50);
    expect(valueAt(s, 'network.capMbps', 6000)).toBe(200);
  });
});
