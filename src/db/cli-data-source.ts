import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { databaseServer } from './dataSource';
import { migrationDataSource } from './options';

/**
 * The data source for TypeORM's own CLI, built: `npx typeorm migration:show -d dist/src/db/cli-data-source.js`
 * (also migration:run, migration:revert). Same database as nianbao: $DATABASE_URL, else the embedded server of
 * $NIANBAO_DATA_DIR (./.nianbao), which destroy() leaves again (the CLI destroys the data source before it exits).
 * Exported as a promise, which the CLI awaits, because the embedded server has to start first.
 */
async function cliDataSource(): Promise<DataSource> {
  const { url, server } = await databaseServer();
  const dataSource = migrationDataSource(url);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    try {
      await destroy();
    } finally {
      await server?.stop();
    }
  };
  return dataSource;
}

export default cliDataSource();
