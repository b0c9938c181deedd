import type { Lesson } from './types';

/** The VM every step uses: 2 GiB, of which the guest has ever written 256 MiB; a light workload. */
const SIZE = 'v=1&vm.memoryMiB=2048&vm.usedMiB=256&workload.preset=custom';
const VM = `${SIZE}&workload.writeRateMiBps=5&workload.wssMiB=64`;
const TDX = `${VM}&vm.confidential.kind=tdx`;

/**
 * "Confidential VMs": what changes when the host can no longer read the guest's memory (Intel TDX). The
 * variants view runs the step's scenario as the lab does, so the claims are checked like any lab step's
 * (test/unit/lessons/claims.test.ts); test/unit/lessons/confidential.test.ts checks the lesson further.
 */
export const confidentialLesson: Lesson = {
  id: 'confidential',
  title: 'Confidential VMs',
  summary: 'Move a VM whose memory the host cannot read, and see what that costs.',
  learned:
    'A confidential VM is moved by its TDX modules, not by the host: every accepted page travels encrypted in full, dirty pages must all be re-sent in the pause, and the Migration TDs must agree before anything moves.',
  steps: [
    {
      title: 'An ordinary VM with mostly empty memory',
      view: 'variants',
      scenario: VM,
      highlight: 'Variant results',
      body: [
        'This 2 GiB VM has only ever written 256 MiB. The host reads every page, so the rest, all zeros, crosses the link as 9-byte markers.',
        'Note the bytes sent: a little more than the 256 MiB of data.',
      ],
      claims: [
        { says: 'This 2 GiB VM', figure: 'scenario.vm.memoryMiB', is: 2048 },
        { says: 'has only ever written 256 MiB', figure: 'scenario.vm.usedMiB', is: 256 },
        { says: '9-byte markers', figure: 'summary.wire.zeroBytes', is: 9 },
        { says: 'a little more than the 256 MiB of data', figure: 'bytesMiB', min: 256, max: 256 * 1.1 },
      ],
    },
    {
      title: 'The same VM as a trust domain',
      view: 'variants',
      scenario: TDX,
      highlight: 'vm.confidential.kind',
      body: [
        'Now the VM is a TDX trust domain. The host sees only ciphertext, so it cannot tell a page of zeros from any other.',
        'Every page the guest accepted is encrypted and sent in full: 4,120 bytes per 4 KiB page plus 60 bytes of bundle headers.',
      ],
      question: {
        kind: 'number',
        prompt: 'How many MiB does the confidential VM send?',
        unit: 'MiB',
        min: 0,
        max: 4096,
        answerFrom: 'bytesMiB',
        tolerance: 0.1,
        explain:
          'All 524,288 pages go encrypted at 4,180 bytes each, and those written meanwhile go again: {answer} in all, roughly eight times the ordinary VM, against one time the memory size.',
      },
      claims: [
        { says: '4,120 bytes per 4 KiB page', figure: 'variant.confidential.privatePageBytes', is: 4120 },
        { says: '4,120 bytes per 4 KiB page', figure: 'scenario.vm.pageKiB', is: 4 },
        { says: '60 bytes of bundle headers', figure: 'variant.confidential.bundleBytes', is: 60 },
        { says: 'All 524,288 pages', figure: 'variant.confidential.exportedPages', is: 524_288 },
        { says: 'at 4,180 bytes each', figure: 'variant.confidential.pageWireBytes', is: 4180 },
        // Against the ordinary VM's 256 to 282 MiB (step 1): 7.5 to 8.5 times.
        { says: 'roughly eight times the ordinary VM', figure: 'bytesMiB', min: 7.5 * 270, max: 8.5 * 270 },
        { says: 'against one time the memory size', figure: 'memoryMultiple', min: 0.95, max: 1.1 },
      ],
    },
    {
      title: 'Pages the guest never accepted',
      view: 'variants',
      scenario: `${TDX}&vm.confidential.acceptance=on-first-use`,
      highlight: 'vm.confidential.acceptance',
      body: [
        'A guest that accepts its memory only when it first uses it leaves the rest pending. A pending page travels as its address and MAC, without a payload.',
        'Most of the extra bytes are gone again: what remains is the encryption overhead and 84 bytes per never-used page.',
      ],
      claims: [
        { says: '84 bytes per never-used page', figure: 'variant.confidential.zeroPageWireBytes', is: 84 },
        { says: 'Most of the extra bytes are gone again', figure: 'bytesMiB', max: 1.2 * 270 },
      ],
    },
    {
      title: 'The Migration TDs must agree first',
      view: 'variants',
      scenario: `${TDX}&vm.confidential.tcbMatch=false`,
      highlight: 'Variant results',
      body: [
        'Before a single page moves, a Migration TD on each side attests the other and hands over the session key. Here the destination platform falls short of the policy.',
        'The migration is refused at the validate step, with the reason, and the VM keeps running on the source.',
      ],
      claims: [
        { says: 'The migration is refused at the validate step', figure: 'stopReason', is: 'refused' },
        { says: 'the VM keeps running on the source', figure: 'vmLocation', is: 'source' },
      ],
    },
    {
      title: 'No dirty page may wait for post-copy',
      view: 'variants',
      scenario: `${SIZE}&vm.confidential.kind=tdx&strategy=hybrid&hybrid.switchAtMs=4000&workload.writeRateMiBps=60&workload.wssMiB=2048&workload.pattern=uniform`,
      highlight: 'What the host can no longer optimise',
      body: [
        'A hybrid migration switches to post-copy in the middle of the first pass. An ordinary VM would leave every remaining page to post-copy.',
        'A trust domain must re-send every page dirtied since its export during the pause; only pages never sent may follow after the destination starts.',
      ],
      claims: [
        { says: 'switches to post-copy in the middle of the first pass', figure: 'stopReason', is: 'postcopy-switch' },
        { says: 'switches to post-copy in the middle of the first pass', figure: 'rounds', is: 1 },
        {
          says: 'must re-send every page dirtied since its export during the pause',
          figure: 'variant.confidential.resentAtPause',
          min: 1,
        },
        { says: 'only pages never sent may follow', figure: 'variant.confidential.deferredPages', min: 1 },
      ],
    },
  ],
};
