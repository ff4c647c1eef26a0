import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { join } from 'node:path';
import pg from 'pg';
import * as schema from '../../db/city/schema.js';
import { ROOT } from '../paths.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export const CITY_MIGRATIONS_DIR = join(ROOT, 'db', 'city', 'migrations');
/** Any constant both city processes agree on: who holds it migrates, the other waits. */
const MIGRATION_LOCK = 0x6461_7772;

export type CityDb = NodePgDatabase<typeof schema>;

export interface CityDatabase {
  pool: pg.Pool;
  db: CityDb;
  close(): Promise<void>;
}

/** Migrates under an advisory lock: two city processes started together take turns. */
async function migrateLocked(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: CITY_MIGRATIONS_DIR });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/**
 * The city's database: DATABASE_URL when set, else an embedded PostgreSQL in DATA_DIR/postgres
 * (its database `city`, made on first start). Migrated before it is handed out.
 */
export async function openCityDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<CityDatabase> {
  let url = opts.databaseUrl;
  let stopEmbedded = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres(join(opts.dataDir, 'postgres'));
    stopEmbedded = () => embedded.stop();
    const probe = new pg.Client(embedded.url());
    await probe.connect();
    const exists = (await probe.query("SELECT 1 FROM pg_database WHERE datname = 'city'")).rowCount;
    await probe.end();
    if (!exists) await embedded.createDatabase('city');
    url = embedded.url('city');
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server (a restart, a failover) must not bring the process down.
  pool.on('error', () => {});
  try {
    await migrateLocked(pool);
  } catch (err) {
    await pool.end();
    await stopEmbedded();
    throw err;
  }
  return {
    pool,
    db: drizzle(pool, { schema }),
    async close() {
      await pool.end();
      await stopEmbedded();
    },
  };
}
