// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chartLabel, downtimeText, entryFor, linkText, summaryText } from '../../../../src/ui/spectrum/spectrumText';
import { entries } from './fixtures';

describe('summaryText', () => {
  it('names the live, quick and shutdown downtimes, and that only live migration stays under 750 ms', () => {
    expect(summaryText(entries())).toBe(
      'Live migration pauses the VM for 286 ms; quick migration for 17.5 s; a clean shutdown and boot for 65 s. ' +
        'Only live migration keeps the pause under 750 ms, short enough for open connections to survive.',
    );
  });

  it('says when no approach stays under 750 ms', () => {
    expect(summaryText(entries({ 'live-migration': 210_000 }))).toContain(
      'No approach keeps the pause under 750 ms here, so open connections break whichever you choose.',
    );
  });

  it('lists every approach under 750 ms when there are several', () => {
    expect(summaryText(entries({ 'quick-migration': 400 }))).toContain(
      'Quick migration (stop-and-copy) and live migration keep the pause under 750 ms',
    );
  });

  it('points out when carrying the disk beats quick migration, and only then', () => {
    const wan = entries({ 'quick-migration': 863_000, 'suspend-and-carry': 600_000 });
    expect(summaryText(wan)).toContain('Carrying the saved VM (10 min 0 s) is quicker than sending it over this link');
    expect(summaryText(entries())).not.toContain('Carrying');
  });

  it('says so when the engine sent too little to compare', () => {
    expect(summaryText([])).toBe('The engine sent no figures to compare for this scenario.');
    expect(summaryText(entries().slice(0, 5))).toBe('The engine sent no figures to compare for this scenario.');
  });

  it('does not claim a pause for a live migration that never finished', () => {
    const text = summaryText(entries({ 'live-migration': 0 }, false));
    expect(text).toMatch(/^Live migration does not finish here, so the VM stays where it is; quick migration pauses/);
    expect(text).not.toMatch(/\b0 ms/);
    expect(text).toContain('No approach keeps the pause under 750 ms');
  });
});

describe('chartLabel', () => {
  it('reads out every bar in order with its downtime, and the 750 ms line', () => {
    const label = chartLabel(entries());
    expect(label).toContain('logarithmic');
    expect(label).toContain('Hard power-down: 45 s; Soft power-down: 65 s; Hibernation: 8.19 s;');
    expect(label).toContain('Live migration (pre-copy): 286 ms.');
    expect(label).toContain('750 ms');
  });
});

describe('downtimeText, entryFor and linkText', () => {
  it('formats downtimes, or says the migration did not finish', () => {
    expect(downtimeText(entries()[4])).toBe('17.5 s');
    expect(downtimeText(entries({}, false)[5])).toBe('did not finish');
  });

  it('finds an approach, or nothing', () => {
    expect(entryFor(entries(), 'hibernation')?.label).toBe('Hibernation');
    expect(entryFor(entries().slice(0, 5), 'live-migration')).toBeUndefined();
  });

  it('names the link speed and round trip', () => {
    expect(linkText(20, 40)).toBe('20 Mbit/s, 40 ms round trip');
    expect(linkText(1000, 0.5)).toBe('1 Gbit/s, 0.5 ms round trip');
  });
});
