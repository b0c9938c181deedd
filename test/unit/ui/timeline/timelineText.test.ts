import { describe, expect, it } from 'vitest';
import type { Round } from '../../../../src/engine/trace/types';
import { interventionLabel, removeInterventionName, roundTitle } from '../../../../src/ui/timeline/timelineText';

describe('timeline wording', () => {
  it('names a round with its length, bytes sent and the pages its sync marked to send', () => {
    const round = { index: 2, startMs: 1000, endMs: 1730, bytesSent: 172 * 1048576, dirtyPagesAtEnd: 9778 } as Round;
    expect(roundTitle(round, 4096)).toBe('Round 2: 730 ms, 172 MiB sent, 9,778 pages (38.2 MiB) marked at the sync');
  });

  it('names the remove button with the time, path and value', () => {
    const iv = { atMs: 12_300, path: 'network.capMbps', value: 100 } as const;
    expect(removeInterventionName(iv)).toBe('Remove intervention at 12.3 s: network.capMbps = 100');
  });

  it('labels a flag in plain words with units', () => {
    expect(interventionLabel({ atMs: 0, path: 'network.capMbps', value: 200 })).toBe('bandwidth cap → 200 Mbit/s');
    expect(interventionLabel({ atMs: 0, path: 'network.capMbps', value: 0 })).toBe('bandwidth cap → none');
    expect(interventionLabel({ atMs: 0, path: 'precopy.autoConverge', value: true })).toBe('auto-converge → on');
    expect(interventionLabel({ atMs: 0, path: 'workload.pattern', value: 'zipf' })).toBe('write pattern → zipf');
  });
});
