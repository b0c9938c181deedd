import * as z from 'zod';
import { currentVersion } from '../versioning';
import {
  CONFIDENTIAL_KINDS,
  FAULT_KINDS,
  PROFILES,
  STOP_RULES,
  STRATEGIES,
  VARIANTS,
  WORKLOAD_PRESETS,
  WRITE_PATTERNS,
} from './choices';
import { int } from './fieldTypes';
import { hybridSchema, networkSchema, postcopySchema, precopySchema } from './schemaCopy';
import { vmSchema, workloadSchema } from './schemaGuest';
import {
  destinationSchema,
  devicesSchema,
  faultSchema,
  hostSchema,
  interventionSchema,
  outputSchema,
  resourcesSchema,
  selfMigrationSchema,
} from './schemaLifecycle';
import { SCENARIO_FORMAT } from './versions';

/**
 * The public scenario format: one schema shared by the engine, the CLI, the URL and the docs.
 * Every number says its unit in its name; ranges here are the ranges the app and the CLI accept.
 * When a field changes meaning, append a migration to SCENARIO_FORMAT (./versions.ts): the version follows.
 * The sections live in schemaGuest.ts, schemaCopy.ts and schemaLifecycle.ts, the named choices in choices.ts.
 */
export const SCENARIO_VERSION = currentVersion(SCENARIO_FORMAT);

export * from './choices';

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION).default(SCENARIO_VERSION).describe('Scenario format version.'),
  profile: z
    .enum(PROFILES)
    .default('lab')
    .describe(
      "lab: the total time counts allocation and validation; qemu: QEMU's semantics: no round cap (precopy.maxIterations 0) and total time from the migrate command, as QEMU's total-time.",
    ),
  name: z.string().max(120).default('').describe('A title for the scenario.'),
  strategy: z.enum(STRATEGIES).default('precopy').describe('How memory moves.'),
  variant: z
    .enum(VARIANTS)
    .default('managed')
    .describe(
      'Who drives it: managed: the hypervisor alone (the guest never knows); paravirtual: the hypervisor with help from a modified guest (free-page hints, stunning); self: the guest OS copies itself. Left out: paravirtual when precopy.freePageHinting or precopy.stunRogue is on, else managed.',
    ),
  seed: int(0, 4_294_967_295, 1, 'Seed of the random write stream; same seed, same trace.'),
  vm: vmSchema,
  workload: workloadSchema,
  network: networkSchema,
  precopy: precopySchema,
  postcopy: postcopySchema,
  hybrid: hybridSchema,
  host: hostSchema,
  interventions: z
    .array(interventionSchema)
    .max(64)
    .default([])
    .describe('Parameter changes at given simulated times (up to 64).'),
  destination: destinationSchema,
  resources: resourcesSchema,
  devices: devicesSchema,
  faults: z.array(faultSchema).max(8).default([]).describe('Faults to inject (up to 8).'),
  selfMigration: selfMigrationSchema,
  output: outputSchema,
});

/** A scenario as written by a person: every field optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in: what the engine runs. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Strategy = (typeof STRATEGIES)[number];
export type Profile = (typeof PROFILES)[number];
export type WritePattern = (typeof WRITE_PATTERNS)[number];
export type StopRule = (typeof STOP_RULES)[number];
export type Intervention = Scenario['interventions'][number];
export type WorkloadPhase = Scenario['workload']['phases'][number];
export type WorkloadPreset = (typeof WORKLOAD_PRESETS)[number];
export type Fault = Scenario['faults'][number];
export type FaultKind = (typeof FAULT_KINDS)[number];
export type Variant = (typeof VARIANTS)[number];
export type ConfidentialKind = (typeof CONFIDENTIAL_KINDS)[number];
