import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { buildNianbaoSchema } from '../../src/server/schema';

const DIR = path.join(__dirname, '../../src/bot/operations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.graphql')).sort();
const graphSource = readFileSync(path.join(__dirname, '../../src/bot/graph.ts'), 'utf8');

/** The bot talks to the graph only through these files: each must be valid against the schema the server serves. */
describe('the bot operations', () => {
  it.each(files)('%s is valid against the served schema and named after its file', async (file) => {
    const { schema } = await buildNianbaoSchema();
    const document = parse(readFileSync(path.join(DIR, file), 'utf8'));
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    const names = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [d.name?.value] : []));
    expect(names).toEqual([file.replace(/\.graphql$/, '')]);
  });

  it.each(files)('%s is sent by the bot (no dead operation)', (file) => {
    expect(graphSource).toContain(`'${file.replace(/\.graphql$/, '')}'`);
  });

  it('refuses an operation that asks a field the schema lacks (the check is not blind)', async () => {
    const { schema } = await buildNianbaoSchema();
    expect(validate(schema, parse('query X { reports(first: 1) { edges { node { nosuchfield } } } }'))).not.toEqual([]);
  });
});
