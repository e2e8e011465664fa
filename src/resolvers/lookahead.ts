import { Kind, valueFromASTUntyped, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead into the selection of a connection field, so that its resolver can fetch in the same statement what the
 * client asked below its nodes (the bot's lookup asks one cell of a report; a ranking asks each cell's report and
 * agency) and prime the DataLoaders with it, instead of paying one more round trip per level.
 */

/**
 * Walks of one selection, kept per `info.fieldNodes` array: graphql-jit builds that array once per compiled field,
 * so a repeated operation walks its document once (graphql-js builds a new array per request and simply misses).
 * What is kept depends on the document alone: arguments are read from the variables on every request.
 */
const walks = new WeakMap<readonly FieldNode[], Map<string, unknown>>();
function walked<T>(info: GraphQLResolveInfo, key: string, walk: () => T): T {
  let known = walks.get(info.fieldNodes);
  if (!known) walks.set(info.fieldNodes, (known = new Map()));
  if (known.has(key)) return known.get(key) as T;
  const value = walk();
  known.set(key, value);
  return value;
}

/** The field nodes reached by following `path` (e.g. edges → node → cell) from the resolved field. */
export function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): readonly FieldNode[] {
  return walked(info, `at:${path.join('.')}`, () => {
    let level: readonly FieldNode[] = info.fieldNodes;
    for (const name of path) level = level.flatMap((f) => fieldsNamed(f.selectionSet, name, info));
    return level;
  });
}

/** The `key` arguments of `cell(key:)` under `edges { node { … } }`. */
export function cellKeysUnderNodes(info: GraphQLResolveInfo): Set<string> {
  const keys = new Set<string>();
  for (const cell of fieldsAt(info, ['edges', 'node', 'cell'])) {
    const arg = cell.arguments?.find((a) => a.name.value === 'key');
    const value = arg ? valueFromASTUntyped(arg.value, info.variableValues) : undefined;
    if (typeof value === 'string') keys.add(value);
  }
  return keys;
}

function fieldsNamed(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, seen = new Set<string>()): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === name ? [s] : [];
    if (s.kind === Kind.INLINE_FRAGMENT) return fieldsNamed(s.selectionSet, name, info, seen);
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    return fieldsNamed(info.fragments[s.name.value]?.selectionSet, name, info, seen);
  });
}

/** The names of the fields selected below the field nodes at `path` (fragments followed). */
export function subfieldNames(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  return walked(info, `names:${path.join('.')}`, () => {
    const names = new Set<string>();
    for (const field of fieldsAt(info, path)) collectNames(field.selectionSet, info, names, new Set());
    return names;
  });
}

function collectNames(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Set<string>, seen: Set<string>): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) into.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) collectNames(s.selectionSet, info, into, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      collectNames(info.fragments[s.name.value]?.selectionSet, info, into, seen);
    }
  }
}

/** GraphQL field → the entity properties its value (or its field resolver) reads. */
export type FieldColumns = Readonly<Record<string, readonly string[]>>;

/**
 * The entity properties the selection at `path` needs (plus `always`, e.g. what the cursor is made of), sorted; null
 * (every column) when a field is not in the map: a field added to the type without a map entry costs columns, never
 * a wrong answer.
 */
export function projectionAt(info: GraphQLResolveInfo, path: readonly string[], map: FieldColumns, always: readonly string[]): readonly string[] | null {
  return walked(info, `projection:${mapId(map)}:${path.join('.')}:${always.join(',')}`, () => {
    const props = new Set(always);
    for (const name of subfieldNames(info, path)) {
      if (name === '__typename') continue;
      const needs = map[name];
      if (!needs) return null;
      for (const p of needs) props.add(p);
    }
    return [...props].sort();
  });
}

const mapIds = new WeakMap<FieldColumns, number>();
let mapCount = 0;
function mapId(map: FieldColumns): number {
  let id = mapIds.get(map);
  if (id === undefined) mapIds.set(map, (id = ++mapCount));
  return id;
}

const self = (...names: string[]) => Object.fromEntries(names.map((n) => [n, [n]]));

/** ReportType's fields: its columns, and what its field resolvers read (ReportResolver). */
export const REPORT_COLUMNS: FieldColumns = {
  ...self('id', 'title', 'year', 'format', 'publishedAt', 'parserVersion', 'regionCode', 'warnings', 'missingCells', 'contact', 'createdAt', 'updatedAt'),
  nodeId: ['id'], agency: ['agencyId'], region: ['regionCode'], sourceName: ['sourceId'], sources: ['agencyId', 'year', 'sourceId'],
  cell: ['id'], cells: ['id'], sections: ['id'], section: ['id'], checks: ['id'],
};

/** CellType's fields (CellResolver). */
export const CELL_COLUMNS: FieldColumns = {
  ...self('id', 'key', 'raw', 'value', 'unit', 'line', 'year'),
  nodeId: ['id'], table: ['tableId'], row: ['rowId'], col: ['colId'], label: ['key'], metric: ['key'], report: ['reportId'],
};

/** AgencyType's fields (AgencyResolver). */
export const AGENCY_COLUMNS: FieldColumns = {
  ...self('id', 'name', 'fullName', 'kind', 'regionCode'),
  nodeId: ['id'], region: ['regionCode'], reports: ['id'],
};
