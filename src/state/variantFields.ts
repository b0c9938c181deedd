import { PAGE_ACCEPTANCE, VARIANTS, type Scenario, type Variant } from '../engine';
import type { ChoiceField, FieldDef, SliderField, ToggleField } from './fields';
import type { FieldChange } from './fieldPaths';

/**
 * The fields of the Variants view (group `variants`): who drives the migration, the guest's help, the
 * self-migrating guest's costs and the confidential VM. Part of the one registry (FIELDS spreads them in).
 */

/** What each variant is, what it needs, and what it changes; shown with the choice. */
export const VARIANT_INFO: Record<Variant, { label: string; hint: string; needs: string; changes: string }> = {
  managed: {
    label: 'Managed',
    hint: 'The hypervisor does everything from outside; the guest never knows it moved.',
    needs: 'Works for any guest, unmodified.',
    changes: 'No help from inside: freed memory is copied like data and a runaway writer keeps writing.',
  },
  paravirtual: {
    label: 'Managed, with paravirtual help',
    hint: 'The hypervisor drives; a modified guest cooperates: it hints which pages are free and can stun a rogue writer.',
    needs:
      'Needs a cooperating, modified guest (a free-page-hint or balloon driver, an agent that can stun a process).',
    changes: 'Freed pages are never sent; a process dirtying memory faster than it can be sent can be frozen.',
  },
  self: {
    label: 'Self-migration',
    hint: 'The guest OS copies itself to the destination, with its own code.',
    needs: 'Needs a guest trusted with its own move: it must reach the destination and write its own state there.',
    changes:
      'It skips its own free memory and holds its working set back, but its copy code takes CPU from the workload and its own pages are dirty at the end.',
  },
};

const variantChoice: ChoiceField<'variant'> = {
  control: 'choice',
  path: 'variant',
  group: 'variants',
  label: 'Who drives it',
  hint: 'Managed: the hypervisor alone. Paravirtual: the hypervisor, helped by the guest. Self: the guest moves itself.',
  options: VARIANTS.map((v) => ({ value: v, label: VARIANT_INFO[v].label, hint: VARIANT_INFO[v].hint })),
  // A managed guest gives no help; becoming paravirtual turns the free-page hints on, as a driver would.
  write: (choice: string, s: Scenario): FieldChange[] => {
    const value = choice as Variant;
    return [
      { path: 'variant', value },
      ...(value === 'managed'
        ? ([
            { path: 'precopy.freePageHinting', value: false },
            { path: 'precopy.stunRogue', value: false },
          ] as FieldChange[])
        : value === 'paravirtual' && s.variant === 'managed'
          ? ([{ path: 'precopy.freePageHinting', value: true }] as FieldChange[])
          : []),
    ];
  },
};

const slider = (d: Omit<SliderField, 'control' | 'group'>): SliderField => ({
  control: 'slider',
  group: 'variants',
  ...d,
});
const toggle = (d: Omit<ToggleField, 'control' | 'group'>): ToggleField => ({
  control: 'toggle',
  group: 'variants',
  ...d,
});

export const VARIANT_FIELDS: readonly FieldDef[] = [
  variantChoice as unknown as ChoiceField,
  slider({
    path: 'selfMigration.copyCpuPct',
    label: 'Self: CPU its copy code takes',
    hint: "The guest's own copy loop and write tracking run on its vCPUs, taking this share from the workload while it copies.",
    steps: () => [0, 5, 10, 15, 20, 25, 30, 40, 50],
    scale: 'linear',
    display: { as: 'pct' },
  }),
  slider({
    path: 'selfMigration.footprintMiB',
    label: 'Self: memory its copy code writes',
    hint: 'Buffers, stack and page tables the copy code keeps writing: they are dirty at the very end and go in the final copy.',
    steps: () => [0, 1, 2, 4, 8, 16, 32, 64, 128],
    scale: 'log',
    display: { as: 'mib', zero: 'none' },
  }),
  toggle({
    path: 'selfMigration.holdBackWorkingSet',
    label: 'Self: hold the working set back from round 1',
    hint: 'The guest knows which pages it keeps writing, so it leaves them out of the first round instead of sending them twice.',
  }),
  toggle({
    path: 'vm.confidential.kind',
    label: 'Confidential VM (Intel TDX)',
    hint: 'A trust domain: the host cannot read its memory, so every page travels encrypted through the TDX module.',
    read: (s) => s.vm.confidential.kind === 'tdx',
    write: (on, s) => [
      { path: 'vm.confidential.kind', value: on ? 'tdx' : 'none' },
      // A TD cannot migrate itself: turning confidentiality on hands the move back to the hypervisor.
      ...(on && s.variant === 'self' ? ([{ path: 'variant', value: 'managed' }] as FieldChange[]) : []),
    ],
  }),
  {
    control: 'choice',
    path: 'vm.confidential.acceptance',
    group: 'variants',
    label: 'TD: when the guest accepts its pages',
    hint: 'A page the guest never accepted travels without a payload; an accepted page is encrypted and sent in full, even if it is all zeros.',
    options: PAGE_ACCEPTANCE.map((v) => ({
      value: v,
      label: v === 'at-boot' ? 'All at boot' : 'On first use',
    })),
  } as ChoiceField,
  slider({
    path: 'vm.confidential.attestMs',
    label: 'TD: attestation and key exchange',
    hint: 'The two Migration TDs attest each other over TLS and hand over the session key before any page moves. No published figure: an assumption.',
    steps: () => [0, 100, 250, 500, 1000, 1500, 2000, 5000, 10_000, 30_000, 60_000, 90_000],
    scale: 'log',
    display: { as: 'ms', zero: 'none' },
  }),
  slider({
    path: 'vm.confidential.blockedWriteFaultUs',
    label: 'TD: host time per blocked write',
    hint: 'A guest write to an exported, write-blocked page faults to the host, which unblocks it. No published figure: an assumption.',
    steps: () => [0, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    scale: 'log',
    display: { as: 'us', zero: 'free' },
  }),
  slider({
    path: 'vm.confidential.pagesPerBundle',
    label: 'TD: pages per bundle',
    hint: 'Each bundle carries 60 bytes of headers; QEMU sends one page per bundle, the TDX module allows 512.',
    steps: () => [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    scale: 'log',
    display: { as: 'count' },
  }),
  toggle({
    path: 'vm.confidential.tcbMatch',
    label: 'TD: destination TCB meets the policy',
    hint: "The Migration TDs compare the destination platform's TCB (TDX and SGX component versions) with the TD's migration policy.",
  }),
  toggle({
    path: 'vm.confidential.moduleMatch',
    label: 'TD: destination TDX module can import it',
    hint: 'Migration needs TDX module 1.5 or later on both sides, with a migration version both support.',
  }),
  toggle({
    path: 'vm.confidential.policyMatch',
    label: 'TD: Migration TD identity matches',
    hint: "The destination's Migration TD must be the one the TD's policy names (its measurement and policy digest).",
  }),
  toggle({
    path: 'vm.confidential.migratable',
    label: 'TD: built as migratable',
    hint: 'The MIGRATABLE attribute is fixed when the TD is built; without it the TDX module refuses to export it.',
  }),
];
