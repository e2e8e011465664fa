import { startEmbedded, type EmbeddedServer } from '../db/embedded';
import { stderrLogger } from '../contracts/logger';

export type { EmbeddedServer };

/**
 * A cold `nianbao ask` (issue 15): the embedded PostgreSQL of the data folder is started before the application's
 * modules load, so that postgres starts up while Node reads TypeORM, Apollo and the schema (each takes a few hundred
 * ms; in sequence they added up). Imports nothing heavy. The promise goes to `connectBot`, whose database then uses
 * that server instead of starting one; closing the application leaves it as before.
 */
export async function prestartDatabase(dataDir: string): Promise<{ embedded?: Promise<EmbeddedServer> }> {
  if (process.env.DATABASE_URL) return {};
  let spawned: () => void = () => {};
  const ready = new Promise<void>((resolve) => (spawned = resolve));
  const server = startEmbedded(dataDir, (m) => stderrLogger.info(m), () => spawned());
  // settled (found running, or failed: the application's open reports the failure) or spawned: go on loading
  await Promise.race([ready, server.then(() => undefined, () => undefined)]);
  return { embedded: server };
}
