import { scenarioSchema } from './schema';
import { allowedAt, schemaAt, unitOfField } from './validate';

/** One field of the scenario format, as the docs and the app describe it. */
export interface FieldInfo {
  path: string;
  unit: string;
  defaultValue: unknown;
  allowed: string;
  description: string;
}

type Node = { def: Record<string, unknown>; description?: string };

function innerDescription(node: Node): string {
  let n: Node | undefined = node;
  while (n) {
    if (n.description) return n.description;
    n = n.def.innerType as Node | undefined;
  }
  return '';
}

function unwrapToObject(node: Node): Node {
  let n = node;
  while (n.def.type !== 'object' && n.def.innerType) n = n.def.innerType as Node;
  return n;
}

/** Every leaf field of the scenario format in schema order (lists count as leaves; list items are described by their element). */
export function scenarioFields(): FieldInfo[] {
  const defaults = scenarioSchema.parse({}) as Record<string, unknown>;
  const out: FieldInfo[] = [];
  const walk = (path: string[], value: unknown) => {
    const node = schemaAt(path) as unknown as Node | undefined;
    if (!node) return;
    if (node.def.type === 'object') {
      for (const key of Object.keys(node.def.shape as object))
        walk([...path, key], (value as Record<string, unknown>)?.[key]);
      return;
    }
    const raw = path.reduce<Node>(
      (n, key) => (unwrapToObject(n).def.shape as Record<string, Node>)[key],
      scenarioSchema as unknown as Node,
    );
    out.push({
      path: path.join('.'),
      unit: unitOfField(path.join('.')),
      defaultValue: value,
      allowed: allowedAt(path),
      description: innerDescription(raw),
    });
    if (node.def.type === 'array') {
      const element = node.def.element as Node;
      if ((element.def.type as string) === 'object')
        for (const key of Object.keys(element.def.shape as object)) {
          const childPath = [...path, '0', key];
          out.push({
            path: `${path.join('.')}[].${key}`,
            unit: unitOfField(key),
            defaultValue: undefined,
            allowed: allowedAt(childPath),
            description: innerDescription((element.def.shape as Record<string, Node>)[key]),
          });
        }
    }
  };
  for (const key of Object.keys(scenarioSchema.shape)) walk([key], defaults[key]);
  return out;
}
