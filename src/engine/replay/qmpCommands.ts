import { QmpLineError, isObject, optionalNumber, optionalObject, optionalString, quote, type Json } from './qmpFields';

/** Migration parameters a transcript can set (QEMU's names in comments; units in ours). */
export interface QmpParameters {
  /** max-bandwidth; 0 = no cap. */
  maxBandwidthBytesPerSec?: number;
  /** downtime-limit. */
  downtimeLimitMs?: number;
  /** xbzrle-cache-size. */
  xbzrleCacheBytes?: number;
  /** max-postcopy-bandwidth; 0 = no cap. */
  maxPostcopyBandwidthBytesPerSec?: number;
  cpuThrottleInitialPct?: number;
  cpuThrottleIncrementPct?: number;
  maxCpuThrottlePct?: number;
  throttleTriggerPct?: number;
}

export interface QmpCommand {
  line: number;
  /** ms since the migration started, from the last stamped line before it (commands carry no time). */
  tMs: number | null;
  execute: string;
  /** migrate-set-capabilities: what it switched. */
  capabilities: { capability: string; state: boolean }[];
  /** migrate-set-parameters and the old single-value commands: what it set. */
  parameters: QmpParameters | null;
}

const BYTES_PER_S = { unit: 'bytes/s' };
const PCT = (min: number, max: number) => ({ min, max, unit: '%' });

/** Reads one command line; refuses wrong types in the arguments of the migration commands it knows. */
export function readCommand(j: Json, line: number, path = 'arguments'): QmpCommand {
  const execute = optionalString(j, 'execute', '', line);
  if (!execute) throw new QmpLineError(line, 'execute', `line ${line}: execute is empty`);
  const args = path === 'arguments' ? (optionalObject(j, 'arguments', '', line) ?? {}) : (j.arguments as Json);
  const cmd: QmpCommand = { line, tMs: null, execute, capabilities: [], parameters: null };
  switch (execute) {
    case 'migrate-set-capabilities': {
      const list = args.capabilities;
      if (!Array.isArray(list))
        throw new QmpLineError(
          line,
          `${path}.capabilities`,
          `line ${line}: ${path}.capabilities is ${quote(list)}; expected a list of {capability, state}`,
        );
      list.forEach((c, i) => {
        const field = `${path}.capabilities[${i}]`;
        if (!isObject(c) || typeof c.capability !== 'string' || typeof c.state !== 'boolean')
          throw new QmpLineError(
            line,
            field,
            `line ${line}: ${field} is ${quote(c)}; expected {"capability": name, "state": true or false}`,
          );
        cmd.capabilities.push({ capability: c.capability, state: c.state });
      });
      break;
    }
    case 'migrate-set-parameters': {
      const n = (key: string, rule: Parameters<typeof optionalNumber>[4]) =>
        optionalNumber(args, key, path, line, rule);
      const p: QmpParameters = {};
      const set = <K extends keyof QmpParameters>(k: K, v: number | undefined) => {
        if (v !== undefined) p[k] = v;
      };
      set('maxBandwidthBytesPerSec', n('max-bandwidth', BYTES_PER_S));
      set('downtimeLimitMs', n('downtime-limit', { max: 2_000_000, unit: 'ms' }));
      set('xbzrleCacheBytes', n('xbzrle-cache-size', { unit: 'bytes' }));
      set('maxPostcopyBandwidthBytesPerSec', n('max-postcopy-bandwidth', BYTES_PER_S));
      set('cpuThrottleInitialPct', n('cpu-throttle-initial', PCT(1, 99)));
      set('cpuThrottleIncrementPct', n('cpu-throttle-increment', PCT(1, 99)));
      set('maxCpuThrottlePct', n('max-cpu-throttle', PCT(1, 99)));
      set('throttleTriggerPct', n('throttle-trigger-threshold', PCT(1, 100)));
      cmd.parameters = p;
      break;
    }
    // The commands older QEMU had for single parameters.
    case 'migrate_set_speed':
      cmd.parameters = { maxBandwidthBytesPerSec: optionalNumber(args, 'value', path, line, BYTES_PER_S) };
      break;
    case 'migrate_set_downtime': {
      const seconds = optionalNumber(args, 'value', path, line, { max: 2000, unit: 's' });
      cmd.parameters = seconds === undefined ? {} : { downtimeLimitMs: seconds * 1000 };
      break;
    }
    case 'migrate-set-cache-size':
      cmd.parameters = { xbzrleCacheBytes: optionalNumber(args, 'value', path, line, { unit: 'bytes' }) };
      break;
  }
  if (cmd.parameters)
    for (const key of Object.keys(cmd.parameters) as (keyof QmpParameters)[])
      if (cmd.parameters[key] === undefined) delete cmd.parameters[key];
  return cmd;
}
