// npm run restore -- <backup file> [--data-dir DIR] [--port N]
//
// Puts a backup back as the hall's database. It stops nothing: with the server running on this
// DATA_DIR it refuses and says how to stop it. It refuses a damaged file, one that is not a Dawr
// database, and one whose migrations or tables are not this release's (nothing is changed then),
// keeps the current database beside it as dawr.sqlite.before-restore-<time> (with its -wal, so
// nothing of it is lost), and then says to start the server (which migrates the restored
// database if it comes from an older release).
import Database from 'better-sqlite3';
import { chownSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from '../db/connection.js';
import { timeStamp, verifyDatabaseFile } from '../server/ops/backup.js';
import { bad, info, ok, parseArgs, settings } from '../server/ops/cli.js';
import { migrationState } from '../server/ops/migrations.js';
import { runningServerPid } from '../server/ops/pidfile.js';
import { schemaProblem } from '../server/ops/schema-check.js';
import { MIGRATIONS_DIR } from '../server/paths.js';

const args = parseArgs(process.argv.slice(2));
const file = args.positional[0];
if (!file || args.flags.has('help')) {
  console.log('usage: npm run restore -- <backup file> [--data-dir DIR]   (stop the server first: sudo systemctl stop dawr)');
  process.exit(file ? 0 : 2);
}
const { dataDir, dbFile, envFile } = settings(args);
if (envFile) info(`settings from ${envFile}`);
const STOP = 'stop the server first: sudo systemctl stop dawr';

/** Does a Dawr server answer on this machine's port? (A server started without a pid file.) */
function serverAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', timeout: 1500 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done(res.statusCode === 200 && body.includes('"ok"')));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end();
  });
}

function fsync(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function main(): Promise<number> {
  const backup = resolve(file!);
  const pid = runningServerPid(dataDir);
  if (pid !== null) {
    bad(`the Dawr server is running on ${dataDir} (pid ${pid}): ${STOP}`);
    return 1;
  }
  const portFlag = args.flags.get('port');
  const port = Number(typeof portFlag === 'string' ? portFlag : process.env.PORT || 3000);
  if (port > 0 && (await serverAnswers(port))) {
    bad(`a Dawr server answers on port ${port}: ${STOP}`);
    return 1;
  }

  const checked = verifyDatabaseFile(backup);
  if (!checked.ok) {
    bad(`${backup} cannot be restored: ${checked.problem}. Nothing was changed.`);
    return 1;
  }
  const probe = new Database(backup, { readonly: true, fileMustExist: true });
  const state = migrationState(probe, MIGRATIONS_DIR);
  const schema = state.newerThanCode ? null : schemaProblem(probe, MIGRATIONS_DIR);
  probe.close();
  if (state.newerThanCode) {
    bad(`${backup} was made by a newer release of Dawr than this one: install that release first. Nothing was changed.`);
    return 1;
  }
  if (schema) {
    bad(`${backup} cannot be restored: ${schema}. Nothing was changed.`);
    return 1;
  }
  ok(`${backup} is sound: integrity check ok, ${checked.tickets} tickets, ${checked.migrations} migrations, tables as they make them`);

  mkdirSync(dataDir, { recursive: true });
  const owner = statSync(existsSync(dbFile) ? dbFile : dataDir);
  // The copy first, checked again where it lands; the current database moves only then.
  const incoming = join(dataDir, `.${DATABASE_FILE}.restoring`);
  rmSync(incoming, { force: true });
  copyFileSync(backup, incoming);
  fsync(incoming);
  const landed = verifyDatabaseFile(incoming);
  if (!landed.ok) {
    rmSync(incoming, { force: true });
    bad(`the copy in ${dataDir} failed its check (${landed.problem}): is the disk full? Nothing was changed.`);
    return 1;
  }

  if (existsSync(dbFile)) {
    const kept = `${dbFile}.before-restore-${timeStamp(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone)}`;
    // Fold the write-ahead log into the file first, so the kept copy is whole on its own.
    try {
      const current = new Database(dbFile, { fileMustExist: true });
      current.pragma('wal_checkpoint(TRUNCATE)');
      current.close();
    } catch (err) {
      info(`could not checkpoint the current database (${(err as Error).message}); it is kept with its -wal file`);
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, kept + suffix);
    }
    ok(`the current database is kept as ${kept}`);
  }
  renameSync(incoming, dbFile);
  // Run as root for a service that runs as its own user: the file must stay the service's.
  if (process.getuid?.() === 0) {
    try {
      chownSync(dbFile, owner.uid, owner.gid);
    } catch {
      // best effort
    }
  }
  fsync(dataDir);
  ok(`restored ${backup} into ${dbFile}`);
  info(`start the server: sudo systemctl start dawr   (or npm start)`);
  if (state.pending.length) info(`it will migrate the restored database (${state.pending.length} migration(s), after a backup)`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  bad(`restore failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
