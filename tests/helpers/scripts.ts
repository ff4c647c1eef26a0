import { spawn } from 'node:child_process';

// One of the hall's TypeScript tools (scripts/…) run as the IT person runs it: a real Node
// process through tsx, never reading an .env file, its stdout and stderr kept together.

export interface ScriptOptions {
  /** Added over `baseEnv`, last, so it wins. */
  env?: Record<string, string>;
  /** The environment it starts from (default: this process's). */
  baseEnv?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) if it runs longer. */
  timeoutMs: number;
}

/** Runs `script` with `args` to its end; answers its exit code and everything it printed. */
export function runScript(script: string, args: string[], opts: ScriptOptions): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...(opts.baseEnv ?? process.env), DAWR_ENV_FILE: '/nonexistent', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), opts.timeoutMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}
