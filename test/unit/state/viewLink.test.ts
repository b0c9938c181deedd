import { describe, expect, it } from 'vitest';
import { readView } from '../../../src/state/appViews';
import { bootWorkspace } from '../../../src/state/bootWorkspace';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { decodeLink, encodeLink } from '../../../src/state/urlCodec';
import { workspaceQuery } from '../../../src/state/workspaceLink';

describe('the view in a link', () => {
  it('the lab needs no view= and a link names any other view beside the scenario', () => {
    const store = bootWorkspace('', undefined);
    expect(store.getState().view).toBe('lab');
    expect(workspaceQuery(store.getState())).not.toMatch(/view=/);
    const link = decodeLink(`${encodeLink(DEFAULT_SCENARIO, 0, { view: 'lab' })}`);
    expect(link?.extras.view).toBe('lab');
    expect(link?.problems).toEqual([]);
  });

  it('an unknown view opens the lab and the notice names the parameter and the views there are', () => {
    expect(readView('nowhere')).toEqual({ view: 'lab', problem: expect.stringMatching(/^view: "nowhere" .*lab/) });
    const store = bootWorkspace('?v=1&view=nowhere', undefined);
    expect(store.getState().view).toBe('lab');
    expect(store.getState().notices[0]?.lines.join(' ')).toMatch(/view: "nowhere" is not a view/);
  });
});
