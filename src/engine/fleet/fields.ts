import { fleetScenarioSchema } from './schema';
import { allowedAt, optionKind, unitOf, unwrap, type AnySchema } from './schemaTools';

/** One field of the fleet scenario format, as the docs (and later the fleet view's controls) describe it. */
export interface FleetFieldInfo {
  /** `scheduler.perSourceHostCap`; list items as `vms.sizes[].memoryMiB`; events as `events[flaky-host].failAfterS`. */
  path: string;
  unit: string;
  defaultValue: unknown;
  allowed: string;
  description: string;
}

const ROOT = fleetScenarioSchema as unknown as AnySchema;

/** The description on a node or on any wrapper around it. */
function describe(node: AnySchema | undefined): string {
  let n: AnySchema | undefined = node;
  while (n) {
    if (typeof n.description === 'string' && n.description) return n.description;
    n = n.def.innerType as AnySchema | undefined;
  }
  return '';
}

const shapeOf = (node: AnySchema) => unwrap(node).def.shape as Record<string, AnySchema>;

/** Every field of the fleet format in schema order, with the defaults an empty scenario gets. */
export function fleetFields(): FleetFieldInfo[] {
  const defaults = fleetScenarioSchema.parse({}) as Record<string, unknown>;
  const out: FleetFieldInfo[] = [];
  const leaf = (path: string, schemaPath: (string | number)[], node: AnySchema, value: unknown, input?: unknown) =>
    out.push({
      path,
      unit: unitOf(path),
      defaultValue: value,
      allowed: allowedAt(ROOT, schemaPath, input),
      description: describe(node),
    });
  const walk = (path: string[], node: AnySchema, value: unknown) => {
    const inner = unwrap(node);
    if (inner.def.type === 'object') {
      for (const [key, child] of Object.entries(shapeOf(inner)))
        walk([...path, key], child, (value as Record<string, unknown> | undefined)?.[key]);
      return;
    }
    leaf(path.join('.'), path, node, value);
    if (inner.def.type !== 'array') return;
    const element = unwrap(inner.def.element as AnySchema);
    if (element.def.type === 'object')
      for (const [key, child] of Object.entries(shapeOf(element)))
        leaf(`${path.join('.')}[].${key}`, [...path, 0, key], child, undefined);
    if (element.def.type === 'union')
      for (const option of element.def.options as AnySchema[]) {
        const kind = optionKind(option)!;
        for (const [key, child] of Object.entries(shapeOf(option)))
          if (key !== 'kind')
            leaf(`${path.join('.')}[${kind}].${key}`, [...path, 0, key], child, defaultOf(child), {
              [path[0]]: [{ kind }],
            });
      }
  };
  for (const [key, child] of Object.entries(fleetScenarioSchema.shape))
    walk([key], child as unknown as AnySchema, defaults[key]);
  return out;
}

function defaultOf(node: AnySchema): unknown {
  const r = (node as unknown as { safeParse: (v: unknown) => { success: boolean; data?: unknown } }).safeParse(
    undefined,
  );
  return r.success ? r.data : undefined;
}

/** The kinds of trigger event and what each one is. */
export function eventKinds(): { kind: string; description: string }[] {
  const element = unwrap(unwrap(fleetScenarioSchema.shape.events as unknown as AnySchema).def.element as AnySchema);
  return (element.def.options as AnySchema[]).map((o) => ({
    kind: optionKind(o)!,
    description: describe(shapeOf(o).kind),
  }));
}
