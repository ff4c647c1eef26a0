// npm run backup -- [<file or folder>] [--data-dir DIR]
//
// An online, consistent copy of the hall's database while the server runs (SQLite's backup API
// in one step, so it is one moment's snapshot), checked with integrity_check before it takes its
// name. A folder (e.g. a USB drive) gets dawr-YYYYMMDD-HHMMSS.sqlite in the hall's time zone;
// nothing given: BACKUP_DIR, else DATA_DIR/backups.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDatabase, backupFileName, databaseTimeZone, mb, verifyDatabaseFile } from '../server/ops/backup.js';
import { bad, info, keepOwnership, ok, parseArgs, settings } from '../server/ops/cli.js';

const args = parseArgs(process.argv.slice(2));
if (args.flags.has('help')) {
  console.log('usage: npm run backup -- [<file or folder>] [--data-dir DIR]');
  process.exit(0);
}
const { dataDir, dbFile, envFile } = settings(args);
if (envFile) info(`settings from ${envFile}`);

async function main(): Promise<number> {
  if (!existsSync(dbFile)) {
    bad(`no database at ${dbFile} (set DATA_DIR or --data-dir to the server's data folder)`);
    return 1;
  }
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    const given = args.positional[0];
    const where = resolve(given ?? (process.env.BACKUP_DIR || join(dataDir, 'backups')));
    const isFolder = given === undefined || /[/\\]$/.test(given) || (existsSync(where) && statSync(where).isDirectory());
    // The default folder is made; a BACKUP_DIR that is set (a USB drive?) must already exist.
    if (given === undefined && !process.env.BACKUP_DIR) mkdirSync(where, { recursive: true });
    const dest = isFolder ? join(where, backupFileName(Date.now(), databaseTimeZone(source))) : where;
    const result = await backupDatabase(source, dest);
    const checked = verifyDatabaseFile(result.file);
    ok(`backed up ${dbFile} to ${result.file}`);
    info(`${mb(result.sizeBytes)}, ${checked.tickets ?? 0} tickets, integrity check ok, ${result.durationMs} ms`);
    info(`restore it with: npm run restore -- ${result.file}`);
    return 0;
  } catch (err) {
    bad(`backup failed: ${(err as Error).message}`);
    return 1;
  } finally {
    source.close();
    keepOwnership(dbFile);
  }
}

process.exitCode = await main();
