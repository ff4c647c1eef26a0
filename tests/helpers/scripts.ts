import { spawn } from 'node:child_process';

// One of the project's TypeScript tools (scripts/…, bench/…) run as the IT person runs it: a real
// Node process through tsx.

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as they came. */
  out: string;
}

/** Runs `script` with `args` to its end under `env`; sent `killSignal` if it runs longer than `timeoutMs`. */
export function runTool(
  script: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs: number; killSignal?: NodeJS.Signals },
): Promise<ToolRun> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const run = { stdout: '', stderr: '', out: '' };
    proc.stdout.on('data', (d) => ((run.stdout += d), (run.out += d)));
    proc.stderr.on('data', (d) => ((run.stderr += d), (run.out += d)));
    const timer = setTimeout(() => proc.kill(opts.killSignal ?? 'SIGTERM'), opts.timeoutMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ...run });
    });
  });
}

export interface ScriptOptions {
  /** Added over `baseEnv`, last, so it wins. */
  env?: Record<string, string>;
  /** The environment it starts from (default: this process's). */
  baseEnv?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) if it runs longer. */
  timeoutMs: number;
}

/** Runs `script` with `args` to its end, never reading an .env file; answers its exit code and everything it printed. */
export async function runScript(script: string, args: string[], opts: ScriptOptions): Promise<{ code: number | null; out: string }> {
  const env = { ...(opts.baseEnv ?? process.env), DAWR_ENV_FILE: '/nonexistent', ...opts.env };
  const { code, out } = await runTool(script, args, { env, timeoutMs: opts.timeoutMs, killSignal: 'SIGKILL' });
  return { code, out };
}
