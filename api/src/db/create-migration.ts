import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm.config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run migration:create`: applies the committed migrations to a scratch
 * database, diffs it against the entities and writes the difference as a new
 * migration under api/src/db/migrations (add it to index.ts).
 */
async function main() {
  const pg = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), 'tb-mig-')), persistent: false });
  const orm = await MikroORM.init(ormConfig(pg.url));
  try {
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration('api/src/db/migrations', false, process.argv.includes('--initial'));
    console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
  } finally {
    await orm.close();
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
