// npm run doctor [-- --data-dir DIR]
//
// Checks a hall's set-up from the command line and says what to fix: Node, the settings, the
// data folder and its disk, the database (opens, integrity, migrations), the build, the fonts,
// the voice pack, TLS, backups, the printers (reachable?) and, on a device machine, Chromium.
// ✓ fine, ! worth a look, ✗ must be fixed (exit code 1), and plain lines for information.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { readConfig } from '../server/config.js';
import { databaseBytes, freeBytes, listBackups, mb, verifyDatabaseFile } from '../server/ops/backup.js';
import { bad, info, keepOwnership, ok, parseArgs, settings, warn } from '../server/ops/cli.js';
import { migrationState } from '../server/ops/migrations.js';
import { runningServerPid } from '../server/ops/pidfile.js';
import { parseTarget } from '../server/printing/transport.js';
import { MIGRATIONS_DIR, ROOT } from '../server/paths.js';

const args = parseArgs(process.argv.slice(2));
const { dataDir, dbFile, envFile } = settings(args);
let failures = 0;
let warnings = 0;
const fail = (text: string) => {
  failures++;
  bad(text);
};
const caution = (text: string) => {
  warnings++;
  warn(text);
};
const section = (title: string) => console.log(`\n${title}`);

console.log(`Dawr doctor — ${ROOT}`);
if (envFile) info(`settings from ${envFile}`);

// Node and the settings.
section('Node.js and settings');
const major = Number(process.versions.node.split('.')[0]);
if (major >= 20) ok(`Node.js ${process.version}`);
else fail(`Node.js ${process.version} is too old: install Node.js 20 or newer`);
let config: ReturnType<typeof readConfig> | null = null;
try {
  config = readConfig({ ...process.env, DATA_DIR: dataDir });
  ok(`settings are valid (PORT ${config.PORT}, DATA_DIR ${dataDir})`);
} catch (err) {
  fail(`${(err as Error).message.replace(/^Dawr: /, '')}: fix it in /etc/dawr/env (or the environment)`);
}

// The data folder and its disk.
section('Data folder');
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
if (!existsSync(dataDir)) {
  if (writable(dirname(dataDir))) ok(`${dataDir} does not exist yet: the server creates it at its first start`);
  else fail(`${dataDir} does not exist and cannot be created here: create it and give it to the service's user (chown dawr: ${dataDir})`);
} else if (!writable(dataDir)) {
  fail(`${dataDir} is not writable by this user: chown -R dawr: ${dataDir}`);
} else {
  ok(`${dataDir} is writable`);
}
const diskDir = existsSync(dataDir) ? dataDir : dirname(dataDir);
const free = freeBytes(diskDir);
const dbSize = existsSync(dbFile) ? databaseBytes(dbFile).sizeBytes : 0;
if (free === null) caution(`cannot tell the free space on ${diskDir}`);
else if (free < 100 * 1024 * 1024 || free < dbSize * 2) fail(`only ${mb(free)} free on the data disk: free some space (tickets fail with 503 when the disk is full)`);
else if (free < 1024 * 1024 * 1024) caution(`${mb(free)} free on the data disk: less than 1 GB`);
else ok(`${mb(free)} free on the data disk`);

// The database.
section('Database');
const serverPid = runningServerPid(dataDir);
if (serverPid) info(`the server is running (pid ${serverPid})`);
let db: Database.Database | null = null;
if (!existsSync(dbFile)) {
  ok(`no database yet: ${dbFile} is created, migrated and seeded at the first start`);
} else {
  const checked = verifyDatabaseFile(dbFile);
  if (!checked.ok) {
    fail(`${dbFile}: ${checked.problem}. Restore the newest backup: npm run restore -- <file> (see docs/install.md)`);
  } else {
    const size = databaseBytes(dbFile);
    ok(`${dbFile} opens, integrity check ok (${mb(size.sizeBytes)}, ${checked.tickets} tickets)`);
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const state = migrationState(db, MIGRATIONS_DIR);
    if (state.newerThanCode) fail('the database was migrated by a newer release of Dawr than this one: install that release again');
    else if (state.pending.length === 0) ok(`migrations are up to date (${state.applied}, newest ${state.latest?.tag})`);
    else caution(`${state.pending.length} migration(s) will be applied at the next start, after a backup: ${state.pending.map((m) => m.tag).join(', ')}`);
  }
}

// The build, fonts, voice.
section('Build and assets');
const SOURCES = ['server', 'db', 'ui-kit', 'kiosk-ui', 'display-ui', 'clerk-ui', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') max = Math.max(max, newest(join(path, entry)));
  return max;
}
const stamp = join(ROOT, 'dist', '.build-stamp');
if (!existsSync(join(ROOT, 'dist', 'server.mjs')) || !existsSync(stamp)) fail('no build: run npm run build');
else if (SOURCES.some((s) => newest(join(ROOT, s)) > statSync(stamp).mtimeMs)) caution('the build is older than the sources: run npm run build, then restart the server');
else ok(`the build is up to date (${readFileSync(stamp, 'utf8').trim()})`);

const FONTS = ['NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf', 'NotoSans-Regular.ttf', 'NotoSans-Bold.ttf'];
const missingFonts = FONTS.filter((f) => {
  const p = join(ROOT, 'assets', 'fonts', f);
  return !existsSync(p) || statSync(p).size < 1000;
});
if (missingFonts.length) fail(`ticket fonts missing in assets/fonts: ${missingFonts.join(', ')} (tickets cannot print): restore them from the release`);
else ok('ticket fonts are present (assets/fonts)');

try {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'assets', 'voice', 'manifest.json'), 'utf8')) as { clips: Record<string, unknown> };
  const ids = Object.keys(manifest.clips);
  const missing = ids.filter((id) => !existsSync(join(ROOT, 'assets', 'voice', `${id}.ogg`)));
  if (ids.length === 0) fail('the voice pack lists no clips: npm run voice:build');
  else if (missing.length) fail(`the voice pack misses ${missing.length} of ${ids.length} clips (e.g. ${missing[0]}): npm run voice:build`);
  else ok(`voice pack present (${ids.length} clips)`);
} catch (err) {
  fail(`no voice pack (assets/voice/manifest.json: ${(err as Error).message}): displays will use the browser's speech instead; npm run voice:build`);
}

// TLS.
if (config?.TLS_CERT && config.TLS_KEY) {
  section('HTTPS');
  try {
    const cert = new X509Certificate(readFileSync(config.TLS_CERT));
    const key = createPrivateKey(readFileSync(config.TLS_KEY));
    const days = Math.floor((Date.parse(cert.validTo) - Date.now()) / 86_400_000);
    if (!cert.checkPrivateKey(key)) fail(`TLS_KEY ${config.TLS_KEY} is not the key of TLS_CERT ${config.TLS_CERT}`);
    else if (days < 0) fail(`the certificate expired on ${cert.validTo}: renew it and restart the server`);
    else if (days < 21) caution(`the certificate expires in ${days} days (${cert.validTo})`);
    else ok(`certificate for ${cert.subject.replace(/\n/g, ', ')} valid until ${cert.validTo}`);
  } catch (err) {
    fail(`TLS_CERT/TLS_KEY cannot be read: ${(err as Error).message}`);
  }
}

// Backups.
section('Backups');
const backupDir = resolve(process.env.BACKUP_DIR || join(dataDir, 'backups'));
const backupAt = config?.BACKUP_AT ?? '02:00';
if (!existsSync(backupDir)) {
  if (process.env.BACKUP_DIR) fail(`BACKUP_DIR ${backupDir} does not exist: is the USB drive mounted? (see docs/install.md)`);
  else caution(`no backup yet (${backupDir} is created by the first backup)`);
} else if (!writable(backupDir)) {
  fail(`${backupDir} is not writable by this user: chown dawr: ${backupDir}`);
} else {
  const newestBackup = listBackups(backupDir)[0];
  const bfree = freeBytes(backupDir);
  if (!newestBackup) caution(`no backup in ${backupDir} yet (nightly at ${backupAt}; or now: npm run backup)`);
  else {
    const ageH = (Date.now() - newestBackup.at) / 3600_000;
    const line = `newest backup ${newestBackup.file} (${mb(newestBackup.sizeBytes)}, ${ageH < 48 ? `${ageH.toFixed(1)} h` : `${Math.floor(ageH / 24)} days`} old)`;
    if (ageH > 48 && backupAt !== 'off') caution(line);
    else ok(line);
  }
  if (bfree !== null && bfree < dbSize * 3) caution(`only ${mb(bfree)} free in ${backupDir}`);
}
if (backupAt === 'off') caution('automatic backups are off (BACKUP_AT=off)');
else info(`automatic backups daily at ${backupAt}, keeping ${config?.BACKUP_KEEP ?? 14}`);

// Printers.
section('Printers');
function tcpReachable(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      done(null);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(`no answer within ${timeoutMs / 1000} s`);
    });
    socket.once('error', (err) => done(err.message));
  });
}
if (!db) {
  info('no database: no printers to check');
} else {
  const rows = db.prepare('SELECT id, name, target, active FROM printers ORDER BY id').all() as { id: number; name: string; target: string; active: number }[];
  const lastSeen = (id: number) =>
    (db!.prepare('SELECT last_seen_at AS t, revoked_at AS r FROM devices WHERE id = ?').get(id) as { t: number | null; r: number | null } | undefined);
  if (rows.length === 0) info('no printers configured');
  for (const p of rows) {
    const label = `printer ${p.id} "${p.name}" (${p.target})`;
    if (!p.active) {
      info(`${label}: switched off in the settings`);
      continue;
    }
    const target = parseTarget(p.target);
    if (!target) fail(`${label}: not a target the server understands: set tcp://host:port, /dev/usb/lp0 or agent:<id>`);
    else if (target.kind === 'tcp') {
      const why = await tcpReachable(target.host, target.port, 2000);
      if (why) fail(`${label}: cannot connect (${why}): is it on, cabled, at this address?`);
      else ok(`${label}: reachable`);
    } else if (target.kind === 'device') {
      if (!existsSync(target.path)) fail(`${label}: ${target.path} does not exist: is the printer plugged in and on? (ls /dev/usb)`);
      else if (!writable(target.path)) fail(`${label}: ${target.path} is not writable by this user: add it to the lp group (usermod -aG lp dawr)`);
      else ok(`${label}: device present and writable`);
    } else if (target.kind === 'file') {
      if (writable(dirname(target.path))) ok(`${label}: a virtual printer (file)`);
      else fail(`${label}: cannot write in ${dirname(target.path)}`);
    } else if (target.kind === 'agent') {
      const dev = lastSeen(target.deviceId);
      if (!dev) fail(`${label}: no device ${target.deviceId}: create a printer device and point the printer at it`);
      else if (dev.r != null) fail(`${label}: device ${target.deviceId} is revoked: create a new printer device and restart the agent with its token`);
      else if (dev.t == null) caution(`${label}: its print agent has never connected: start it on the printer's machine (ops/systemd/dawr-print-agent.service)`);
      else {
        const mins = Math.round((Date.now() - dev.t) / 60_000);
        if (mins <= 5) ok(`${label}: print agent seen ${mins} min ago`);
        else caution(`${label}: print agent last seen ${mins < 120 ? `${mins} min` : `${Math.round(mins / 60)} h`} ago: is the agent's machine on? (systemctl status dawr-print-agent)`);
      }
    } else {
      info(`${label}: driven by a print agent (USB)`);
    }
  }
  db.close();
}
keepOwnership(dbFile);

// A device machine: the kiosk or display browser.
section('This machine as a kiosk or display (information)');
const browsers = ['chromium', 'chromium-browser', 'google-chrome'].filter((b) => {
  try {
    execFileSync('sh', ['-c', `command -v ${b}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
info(browsers.length ? `browser for kiosk mode: ${browsers[0]}` : 'no Chromium here (only needed on kiosk and display machines: apt install chromium)');
if (existsSync('/etc/systemd/system/dawr.service')) info('systemd unit installed: /etc/systemd/system/dawr.service');

console.log(
  failures
    ? `\n✗ ${failures} problem(s) to fix${warnings ? `, ${warnings} warning(s)` : ''}.`
    : `\n✓ all checks passed${warnings ? ` (${warnings} warning(s))` : ''}.`,
);
process.exitCode = failures ? 1 : 0;
