import { chownSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from '../../db/connection.js';
import { loadEnvFile } from './env-file.js';

// What the command-line tools (scripts/backup.ts, restore.ts, doctor.ts) share: arguments,
// the settings of the service, and ✓/✗ lines.

export interface CliArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    const long = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!long) {
      positional.push(arg);
      continue;
    }
    const [, name, inline] = long;
    if (inline !== undefined) flags.set(name!, inline);
    else if (['data-dir', 'port'].includes(name!) && argv[i + 1] !== undefined) flags.set(name!, argv[++i]!);
    else flags.set(name!, true);
  }
  return { positional, flags };
}

export interface Settings {
  dataDir: string;
  dbFile: string;
  envFile: string | null;
}

/** DATA_DIR from --data-dir, the environment, or the service's env file (/etc/dawr/env). */
export function settings(args: CliArgs, env: NodeJS.ProcessEnv = process.env): Settings {
  const envFile = loadEnvFile(env);
  const flag = args.flags.get('data-dir');
  const dataDir = resolve(typeof flag === 'string' ? flag : env.DATA_DIR || './data');
  return { dataDir, dbFile: join(dataDir, DATABASE_FILE), envFile };
}

/**
 * Run as root (sudo npm run backup), opening the database may create its -wal and -shm files as
 * root, and the service (user dawr) could then not open it: give them back to the database's
 * owner.
 */
export function keepOwnership(dbFile: string): void {
  if (process.getuid?.() !== 0 || !existsSync(dbFile)) return;
  const { uid, gid } = statSync(dbFile);
  for (const suffix of ['-wal', '-shm']) {
    try {
      if (existsSync(dbFile + suffix)) chownSync(dbFile + suffix, uid, gid);
    } catch {
      // best effort
    }
  }
}

export const ok = (text: string) => console.log(`✓ ${text}`);
export const bad = (text: string) => console.log(`✗ ${text}`);
export const warn = (text: string) => console.log(`! ${text}`);
export const info = (text: string) => console.log(`  ${text}`);
