import { cycles, importGraph, SRC, sourceFiles, unitGraph } from './graph';

/**
 * The layout's arrows (README, COMMON rules): cli → app → bot → (GraphQL) → server → resolvers → db/queries → entities;
 * parser is pure; ingest → parser, db. A unit is a folder of src/ (db/queries counts as its own unit). Each unit may
 * import only the units listed here; anything else — and any import cycle between files or units — fails.
 */
const ALLOWED: Record<string, readonly string[]> = {
  parser: [],
  contracts: [],
  // The chart renderer is pure (data in, SVG/PNG out), like the parser: the graph and the bot may both draw with it.
  charts: [],
  entities: ['parser', 'contracts'],
  db: ['entities', 'contracts', 'migrations'],
  'db/queries': ['db', 'entities', 'parser', 'contracts'],
  ingest: ['parser', 'db', 'db/queries', 'entities', 'contracts'],
  schema: ['entities', 'parser', 'contracts'],
  resolvers: ['schema', 'db/queries', 'entities', 'parser', 'ingest', 'contracts', 'charts'],
  server: ['resolvers', 'schema', 'db/queries', 'contracts'],
  bot: ['parser', 'contracts', 'charts'],
  app: ['bot', 'server', 'resolvers', 'schema', 'db', 'db/queries', 'ingest', 'entities', 'parser', 'contracts'],
  cli: ['app', 'ingest', 'parser', 'contracts'],
};

function unitOf(file: string): string {
  if (!file.startsWith('src/')) return file.split('/')[0];
  const parts = file.split('/');
  if (parts[1] === 'db' && parts[2] === 'queries') return 'db/queries';
  return parts.length > 2 ? parts[1] : `src/${parts[1]}`;
}

const graph = importGraph(sourceFiles(SRC));

describe('the import arrows of src/', () => {
  it('sees the project files (the graph is not empty: a broken reader would pass everything)', () => {
    expect(graph.get('src/cli/main.ts')).toEqual(expect.arrayContaining(['src/cli/serve.ts', 'src/cli/parse.ts']));
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(cycles(unitGraph(graph, unitOf))).toEqual([]);
  });

  it('imports only along the arrows', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      const from = unitOf(file);
      const allowed = ALLOWED[from];
      for (const target of imports) {
        const to = unitOf(target);
        if (to === from) continue;
        if (!allowed) wrong.push(`${file}: its folder ${from} has no place in the layout`);
        else if (!allowed.includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the pure parser free of the rest of the project and of the database packages', () => {
    const reach = new Set<string>();
    const visit = (f: string) => {
      if (reach.has(f)) return;
      reach.add(f);
      for (const g of graph.get(f) ?? []) visit(g);
    };
    visit('src/cli/parse.ts');
    const outside = [...reach].filter((f) => !/^src\/(parser|cli\/parse\.ts|ingest\/(files|errors|manifest|hints)\.ts|contracts)/.test(f));
    expect(outside).toEqual([]);
  });
});
