import { allowedAt, schemaAt } from './validate';

/**
 * Sets `path` (dotted, e.g. `network.linkMbps`) in a plain scenario object from a text value, converting
 * the text by the field's type. Returns a message naming the field when the path or the text is wrong.
 */
export function setField(target: Record<string, unknown>, path: string, text: string): string | null {
  const keys = path.split('.');
  const schema = schemaAt(keys);
  if (!schema) return `${path}: not a field of the scenario format`;
  let value: unknown;
  switch (schema.def.type) {
    case 'number': {
      value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value))
        return `${path}: "${text}" is not a number; allowed: ${allowedAt(keys)}`;
      break;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') return `${path}: "${text}" is not true or false`;
      value = text === 'true';
      break;
    case 'array':
    case 'object':
      try {
        value = JSON.parse(text);
      } catch {
        return `${path}: "${text}" is not valid JSON; allowed: ${allowedAt(keys)}`;
      }
      break;
    case 'union':
    case 'literal':
      value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
      break;
    default:
      value = text;
  }
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return null;
}
