import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildNianbaoSchema } from '../../src/server/schema';

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.graphql');

/** The committed SDL is the contract frontends and the supergraph build on: it must match the code. */
describe('schema.graphql', () => {
  it('is the SDL the code emits (rewrite with UPDATE_SCHEMA=1 npx jest test/graphql/schema or `nianbao serve --write-schema`)', async () => {
    const { sdl } = await buildNianbaoSchema();
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, sdl);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(sdl);
  });

  it('declares Report, Agency and Region as federation entities', async () => {
    const { sdl } = await buildNianbaoSchema();
    expect(sdl).toMatch(/type Report implements Node @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Agency implements Node @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Region implements Node @key\(fields: "code"\)/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
  });
});
