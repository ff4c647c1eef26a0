import type Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { backupDatabase, backupFileName, databaseTimeZone, pruneBackups, type BackupResult } from './backup.js';
import { migrationState } from './migrations.js';

// An upgrade never touches the only copy: before a database that already has migrations takes
// new ones, it is backed up (dawr-…-pre-migration.sqlite) into the backup folder, or into
// DATA_DIR/backups when that folder is missing (a USB drive not plugged in must not stop an
// upgrade). If that backup cannot be made, the server refuses to migrate and says why.

export const PRE_MIGRATION_LABEL = 'pre-migration';
const KEEP_PRE_MIGRATION = 5;

export async function backupBeforeMigrating(
  sqlite: Database.Database,
  migrationsDir: string,
  dirs: { backupDir: string; fallbackDir: string },
  log: FastifyBaseLogger,
): Promise<BackupResult | null> {
  const state = migrationState(sqlite, migrationsDir);
  if (state.applied === 0 || state.pending.length === 0) return null;
  const backupDir = existsSync(dirs.backupDir) ? dirs.backupDir : dirs.fallbackDir;
  const name = backupFileName(Date.now(), databaseTimeZone(sqlite), PRE_MIGRATION_LABEL);
  try {
    mkdirSync(backupDir, { recursive: true });
    const result = await backupDatabase(sqlite, join(backupDir, name), { overwrite: true });
    pruneBackups(backupDir, KEEP_PRE_MIGRATION, PRE_MIGRATION_LABEL);
    log.info(
      { file: result.file, sizeBytes: result.sizeBytes, pending: state.pending.map((m) => m.tag) },
      'backed up the database before migrating it',
    );
    return result;
  } catch (err) {
    throw new Error(
      `Dawr: the database needs ${state.pending.length} migration(s) (${state.pending.map((m) => m.tag).join(', ')}), ` +
        `but the backup before migrating failed, so nothing was changed: ${(err as Error).message}. ` +
        `Fix BACKUP_DIR (${backupDir}) or free some space, then start again.`,
      { cause: err },
    );
  }
}
