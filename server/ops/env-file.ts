import { existsSync, readFileSync } from 'node:fs';

// The command-line tools (backup, restore, doctor) read the same settings as the service: the
// environment, and else the service's EnvironmentFile (/etc/dawr/env, or DAWR_ENV_FILE).

export const DEFAULT_ENV_FILE = '/etc/dawr/env';

/** KEY=value lines (systemd EnvironmentFile syntax, simple quotes allowed); # comments. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    out[m[1]!] = value;
  }
  return out;
}

/** Fills `env` with the env file's settings that are not already set; answers the file used, if any. */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env.DAWR_ENV_FILE || DEFAULT_ENV_FILE;
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null; // not readable by this user: the environment alone, then
  }
  for (const [key, value] of Object.entries(parseEnvFile(text))) if (env[key] === undefined) env[key] = value;
  return file;
}
