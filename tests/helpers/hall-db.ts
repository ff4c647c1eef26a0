import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, migrateDatabase, openDatabase, type Connection } from '../../db/connection.js';
import { seedDatabase } from '../../db/seed.js';
import { MIGRATIONS_DIR } from '../../server/paths.js';
import { ADMIN_PASSWORD } from './hall.js';

// A hall's database without the app, for use cases called directly: a real SQLite file in a
// fresh temporary folder, migrated and seeded (users admin, supervisor, clerk: ADMIN_PASSWORD).

export interface HallDatabase {
  conn: Connection;
  hallId: number;
  close(): Promise<void>;
}

export async function openHallDatabase(seed: 'demo' | 'none' = 'demo'): Promise<HallDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'dawr-db-'));
  const conn = openDatabase(dir);
  migrateDatabase(conn, MIGRATIONS_DIR);
  const { hallId } = await seedDatabase(conn, { seed, adminPassword: ADMIN_PASSWORD, demoPassword: ADMIN_PASSWORD });
  return {
    conn,
    hallId,
    async close() {
      await closeDatabase(conn);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The admin_events rows about one kind of thing, oldest first, details parsed. */
export function auditRows({ sqlite }: Connection, entity: string) {
  return (
    sqlite.prepare('SELECT user_id AS userId, at, action, entity_id AS entityId, details FROM admin_events WHERE entity = ? ORDER BY id').all(entity) as {
      userId: number | null;
      at: number;
      action: string;
      entityId: string | null;
      details: string | null;
    }[]
  ).map((r) => ({ ...r, details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>) }));
}
