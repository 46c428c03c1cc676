import type { z } from 'zod';

/** The parts of a zod 4 schema's definition (`_zod.def`) that tests generated from the contract walk. */
export type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  catchall?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
};
export const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
export const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Wrappers whose inner schema describes the same value. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);
export const isStrict = (obj: z.ZodType): boolean => def(def(obj).catchall ?? obj).type === 'never';

/**
 * Every object schema an input can hold, wherever it sits: through wrappers, both ends of pipes,
 * every union option, array elements, record values, tuples and intersections. `path` reads like
 * "scope", "plans[]", "slides[].view|2.pilot" (|n: the nth union option).
 */
export function* objectSchemas(s: z.ZodType, path = '', ancestors: ReadonlySet<z.ZodType> = new Set()): Generator<{ path: string; schema: z.ZodType }> {
  if (ancestors.has(s)) return; // a recursive (lazy) schema: its levels were listed on the way in
  const within = new Set(ancestors).add(s);
  const d = def(s);
  const at = (p: string, child: string) => (p === '' ? child : `${p}.${child}`);
  if (d.type === 'object') {
    yield { path, schema: s };
    for (const [key, field] of Object.entries(d.shape!)) yield* objectSchemas(field, at(path, key), within);
    if (d.catchall && def(d.catchall).type !== 'never') yield* objectSchemas(d.catchall, at(path, '*'), within);
  } else if (WRAPPERS.has(d.type)) yield* objectSchemas(d.innerType!, path, within);
  else if (d.type === 'pipe') {
    yield* objectSchemas(d.in!, path, within);
    yield* objectSchemas(d.out!, path, within);
  } else if (d.type === 'union') for (const [i, o] of d.options!.entries()) yield* objectSchemas(o, `${path}|${i}`, within);
  else if (d.type === 'array') yield* objectSchemas(d.element!, `${path}[]`, within);
  else if (d.type === 'record') yield* objectSchemas(d.valueType!, `${path}{}`, within);
  else if (d.type === 'tuple') for (const item of [...d.items!, ...(d.rest ? [d.rest] : [])]) yield* objectSchemas(item, `${path}[]`, within);
  else if (d.type === 'intersection') for (const side of [d.left!, d.right!]) yield* objectSchemas(side, path, within);
  else if (d.type === 'lazy') yield* objectSchemas(d.getter!(), path, within);
}

/** The part of `s` that describes `value`: through wrappers and pipes, and the first union option that accepts it. */
function branchFor(s: z.ZodType, value: unknown): z.ZodType {
  const d = def(s);
  if (WRAPPERS.has(d.type)) return branchFor(d.innerType!, value);
  if (d.type === 'pipe') return branchFor(d.in!, value);
  if (d.type === 'union') {
    const option = d.options!.find((o) => o.safeParse(value).success);
    return option ? branchFor(option, value) : s;
  }
  return s;
}

/** Every object level of a valid input, with its path: the input itself, nested objects, array elements and record values. */
export function* objectLevels(s: z.ZodType, value: unknown, path: string[] = []): Generator<{ path: string[]; schema: z.ZodType }> {
  const schema = branchFor(s, value);
  const d = def(schema);
  if (d.type === 'object' && isPlain(value)) {
    yield { path, schema };
    for (const [key, field] of Object.entries(d.shape!)) if (value[key] !== undefined) yield* objectLevels(field, value[key], [...path, key]);
  } else if (d.type === 'array' && Array.isArray(value)) {
    for (const [i, x] of value.entries()) yield* objectLevels(d.element!, x, [...path, String(i)]);
  } else if (d.type === 'record' && isPlain(value)) {
    for (const [key, x] of Object.entries(value)) yield* objectLevels(d.valueType!, x, [...path, key]);
  }
}

/** A value's path written as objectSchemas writes places: "plans[]" for every element of plans. */
export const placeOf = (path: readonly string[]): string => path.reduce((at, key) => (/^\d+$/.test(key) ? `${at}[]` : at === '' ? key : `${at}.${key}`), '');
