/**
 * What a resolver read ahead for a field of one parent object (the lookahead's projection: possibly only some
 * columns). Kept on that object, not in the request's DataLoaders: a partial entity must answer only the selection
 * it was read for, never another path of the same request that asks the same id for other fields.
 */
const PREFETCHED = Symbol('prefetched');

type Carrier = { [PREFETCHED]?: Map<string, unknown> };

export function attach<T extends object>(parent: T, field: string, value: unknown): T {
  const carrier = parent as T & Carrier;
  (carrier[PREFETCHED] ??= new Map()).set(field, value);
  return parent;
}

/** The value attached for `field`, or undefined when none was (then the resolver loads it as usual). */
export function prefetched<V>(parent: object, field: string): V | undefined {
  return (parent as Carrier)[PREFETCHED]?.get(field) as V | undefined;
}
