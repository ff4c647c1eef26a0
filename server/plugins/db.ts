import fp from 'fastify-plugin';
import { join } from 'node:path';
import { closeDatabase, migrateDatabase, openDatabase, type Connection } from '../../db/connection.js';
import { halls } from '../../db/schema.js';
import { isNewDatabase, seedDatabase, type SeedReport } from '../../db/seed.js';
import { backupBeforeMigrating } from '../ops/pre-migration.js';
import { MIGRATIONS_DIR } from '../paths.js';

declare module 'fastify' {
  interface FastifyInstance {
    conn: Connection;
    /** The hall this server runs (one database can hold several; the server serves one). */
    hallId: number;
    /** What seeding a new database produced (generated password, device tokens), else null. */
    seedReport: SeedReport | null;
  }
}

export interface DbOptions {
  dataDir: string;
  seed: 'demo' | 'demo-fr' | 'none';
  adminPassword?: string;
  /** The demo supervisor's and clerk's password (DEMO_PASSWORD); else each gets its own. */
  demoPassword?: string;
  /** Where the backup made before migrating an existing database goes. */
  backupDir?: string;
}

/** Opens the database, migrates it, seeds it when new; closes it last on shutdown. */
export default fp<DbOptions>(
  async (app, opts) => {
    const conn = openDatabase(opts.dataDir);
    if (opts.backupDir) {
      const dirs = { backupDir: opts.backupDir, fallbackDir: join(opts.dataDir, 'backups') };
      await backupBeforeMigrating(conn.sqlite, MIGRATIONS_DIR, dirs, app.log).catch((err: unknown) => {
        conn.sqlite.close();
        throw err;
      });
    }
    migrateDatabase(conn, MIGRATIONS_DIR);
    const seedReport = isNewDatabase(conn)
      ? await seedDatabase(conn, { seed: opts.seed, adminPassword: opts.adminPassword, demoPassword: opts.demoPassword })
      : null;
    const hall = conn.db.select({ id: halls.id }).from(halls).orderBy(halls.id).limit(1).get()!;
    app.decorate('conn', conn);
    app.decorate('hallId', hall.id);
    app.decorate('seedReport', seedReport);
    app.addHook('onClose', () => closeDatabase(conn));
  },
  { name: 'db' },
);
