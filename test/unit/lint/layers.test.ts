// @vitest-environment node
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The layer rule's messages for `code` as if it were the file at `path` (which need not exist). */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result.messages.filter((m) => m.ruleId === 'layers/boundaries').map((m) => m.message);
}

describe('the layer rule (ESLint, at every depth)', () => {
  it('a file deep in the engine may not import the UI', async () => {
    const problems = await layerProblems(
      'src/engine/migration/fixture.ts',
      "import { formatMs } from '../../ui/format';\nexport const x = formatMs;\n",
    );
    expect(problems).toEqual([expect.stringContaining('src/engine/ may not import from src/ui/')]);
  });

  it.each([
    ['src/engine/trace/deep/fixture.ts', "import { createStore } from 'zustand/vanilla';"],
    ['src/engine/fixture.ts', "import { useState } from 'react';"],
    ['src/engine/memory/fixture.ts', "import { select } from 'd3-selection';"],
    ['src/engine/fixture.ts', "import { readFileSync } from 'node:fs';"],
    ['src/engine/migration/fixture.ts', "import { engineHost } from '../../worker/engineHost';"],
    ['src/engine/migration/fixture.ts', "import type { Run } from '../../state/runs';"],
  ])('%s: the engine stays pure (%s)', async (path, line) => {
    expect(await layerProblems(path, `${line}\nexport {};\n`)).toHaveLength(1);
  });

  it('engine files import each other and zod freely', async () => {
    expect(
      await layerProblems(
        'src/engine/migration/fixture.ts',
        "import * as z from 'zod';\nimport { MigrationState } from './state';\nimport { mibToBytes } from '../units';\nexport { z, MigrationState, mibToBytes };\n",
      ),
    ).toEqual([]);
  });

  it('the worker may not reach state, UI or React', async () => {
    expect(
      await layerProblems('src/worker/sub/fixture.ts', "import { x } from '../../state/workspace';\nexport { x };\n"),
    ).toHaveLength(1);
    expect(
      await layerProblems('src/worker/fixture.ts', "import { x } from '../ui/format';\nexport { x };\n"),
    ).toHaveLength(1);
    expect(
      await layerProblems('src/worker/fixture.ts', "import React from 'react';\nexport { React };\n"),
    ).toHaveLength(1);
  });

  it('state may not import the UI', async () => {
    expect(
      await layerProblems('src/state/fixture.ts', "import { formatMs } from '../ui/format';\nexport { formatMs };\n"),
    ).toEqual([expect.stringContaining('src/state/ may not import from src/ui/')]);
  });

  it('other layers reach the engine only through its index', async () => {
    expect(
      await layerProblems(
        'src/ui/hosts/fixture.ts',
        "import type { Trace } from '../../engine/trace/types';\nexport type { Trace };\n",
      ),
    ).toEqual([expect.stringContaining('through its index')]);
    expect(
      await layerProblems(
        'src/ui/hosts/fixture.ts',
        "import type { Trace } from '../../engine';\nexport type { Trace };\n",
      ),
    ).toEqual([]);
    expect(
      await layerProblems(
        'src/cli/fixture.ts',
        "import { runScenario } from '../engine/run';\nexport { runScenario };\n",
      ),
    ).toHaveLength(1);
  });

  it('the UI and state do not run the engine on the main thread', async () => {
    expect(
      await layerProblems('src/ui/fixture.ts', "import { runScenario } from '../engine';\nexport { runScenario };\n"),
    ).toEqual([expect.stringContaining('main thread')]);
    expect(
      await layerProblems(
        'src/state/fixture.ts',
        "import { InProcessEngine } from '../worker/inProcessEngine';\nexport { InProcessEngine };\n",
      ),
    ).toEqual([expect.stringContaining('main thread')]);
    expect(
      await layerProblems(
        'src/ui/fixture.ts',
        "import { createBrowserPool } from '../worker/browserPool';\nexport { createBrowserPool };\n",
      ),
    ).toEqual([]);
  });
});
