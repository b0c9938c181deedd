// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_POLICY, META_POLICY } from '../../../csp.ts';

const page = readFileSync(resolve(__dirname, '../../../docs/hosting.md'), 'utf8');

describe('docs/hosting.md', () => {
  it('shows the policy the build writes and the header hosts should send, as they are in csp.ts', () => {
    expect(page).toContain(`\n${META_POLICY}\n`);
    expect(page).toContain(`Content-Security-Policy: ${HEADER_POLICY}\n`);
    expect(page).toContain(`add_header Content-Security-Policy "${HEADER_POLICY}" always;`);
  });

  it('says that a meta tag cannot carry frame-ancestors and how a host restricts embedding', () => {
    expect(META_POLICY).not.toContain('frame-ancestors');
    expect(page).toMatch(/ignore `frame-ancestors`[^.]*in a meta tag/);
    expect(page).toContain("frame-ancestors 'self' https://lms.example.edu");
  });
});
