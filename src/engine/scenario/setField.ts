import { fieldLabel, quoteText } from './preview';
import { allowedAt, schemaAt } from './validate';

/** Why a number's text was refused: it overflows (`1e999`, 400 nines) or is not a number at all. */
function notANumber(path: string, text: string, keys: string[]): string {
  const n = text.trim() === '' ? NaN : Number(text);
  const why = Number.isNaN(n) ? 'is not a number' : n > 0 ? 'is too large a number' : 'is too large a negative number';
  return `${fieldLabel(path)}: ${quoteText(text)} ${why}; allowed: ${allowedAt(keys)}`;
}

/**
 * Sets `path` (dotted, e.g. `network.linkMbps`) in a plain scenario object from a text value, converting
 * the text by the field's type. Returns a message naming the field when the path or the text is wrong.
 * Only the schema's own field names are followed, so `constructor` or `__proto__` never reach an object.
 */
export function setField(target: Record<string, unknown>, path: string, text: string): string | null {
  const keys = path.split('.');
  const schema = schemaAt(keys);
  if (!schema) return `${fieldLabel(path)}: not a field of the scenario format`;
  let value: unknown;
  switch (schema.def.type) {
    case 'number': {
      value = Number(text);
      if (text.trim() === '' || !Number.isFinite(value)) return notANumber(path, text, keys);
      break;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') return `${fieldLabel(path)}: ${quoteText(text)} is not true or false`;
      value = text === 'true';
      break;
    case 'array':
    case 'object':
      try {
        value = JSON.parse(text);
      } catch {
        return `${fieldLabel(path)}: ${quoteText(text)} is not valid JSON; allowed: ${allowedAt(keys)}`;
      }
      break;
    case 'union':
    case 'literal':
      if (/^-?\d+(\.\d+)?$/.test(text)) {
        value = Number(text);
        if (!Number.isFinite(value)) return notANumber(path, text, keys);
      } else value = text;
      break;
    default:
      value = text;
  }
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return null;
}
