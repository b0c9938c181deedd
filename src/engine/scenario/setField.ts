import { fieldLabel } from './preview';
import { commonSetValue, notANumber, writeAt } from './schemaWalk';
import { allowedAt, schemaAt } from './validate';

/**
 * Sets `path` (dotted, e.g. `network.linkMbps`) in a plain scenario object from a text value, converting
 * the text by the field's type. Returns a message naming the field when the path or the text is wrong.
 * Only the schema's own field names are followed, so `constructor` or `__proto__` never reach an object.
 */
export function setField(target: Record<string, unknown>, path: string, text: string): string | null {
  const keys = path.split('.');
  const schema = schemaAt(keys);
  if (!schema) return `${fieldLabel(path)}: not a field of the scenario format`;
  const common = commonSetValue(schema, path, text, () => allowedAt(keys));
  if (common && 'problem' in common) return common.problem;
  let value: unknown;
  if (common) value = common.value;
  else if (schema.def.type === 'number') {
    value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) return notANumber(path, text, allowedAt(keys));
  } else if ((schema.def.type === 'union' || schema.def.type === 'literal') && /^-?\d+(\.\d+)?$/.test(text)) {
    value = Number(text);
    if (!Number.isFinite(value)) return notANumber(path, text, allowedAt(keys));
  } else value = text;
  writeAt(target, keys, value);
  return null;
}
