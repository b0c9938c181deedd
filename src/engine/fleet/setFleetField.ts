import { fleetScenarioSchema } from './schema';
import { setFieldIn, type AnySchema } from './schemaTools';

/**
 * Sets a field of a plain fleet scenario object from text (`--set scheduler.perSourceHostCap=4`, a URL
 * parameter): numbers, true/false, names, JSON for lists. Only fields of the format can be set, so keys
 * such as `__proto__`, `constructor` or `toString` are refused with a message, never assigned.
 */
export function setFleetField(target: Record<string, unknown>, path: string, text: string): string | null {
  return setFieldIn(fleetScenarioSchema as unknown as AnySchema, target, path, text, 'fleet scenario');
}
