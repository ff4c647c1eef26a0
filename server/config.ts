import { isIP } from 'node:net';
import { z } from 'zod';
import { passwordProblem } from './auth/passwords.js';

// The server's settings, read once from the environment (see ../shared/API.md).

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * The reverse proxies (addresses, CIDRs or range names, comma-separated) whose X-Forwarded-For and
 * X-Forwarded-Proto say who the client is and whether it came over HTTPS. Not `true` nor a hop
 * count: either would believe addresses a client wrote into X-Forwarded-For itself, which nginx's
 * `$proxy_add_x_forwarded_for` passes on (and Fastify ignores hop counts since 5.12.1).
 */
export const TrustProxy = z.string().transform((value, ctx) => {
  const entries = value.split(',').map((e) => e.trim());
  if (entries.every(isAddressOrRange)) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `must list the proxy's addresses or CIDRs, comma-separated (e.g. 127.0.0.1, or loopback, or 10.0.0.0/8,::1), not ${JSON.stringify(value)}`,
  });
  return z.NEVER;
});

/** An optional setting; `NAME=` (empty, as env files often leave it) counts as unset. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** A password as the admin routes take them (server/auth/passwords.ts). */
const staffPassword = (username?: string) =>
  z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p, username);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_PASSWORD: staffPassword('admin').optional(),
  SEED: z.enum(['demo', 'demo-fr', 'none']).default('demo'),
  // The password of the demo supervisor and clerk (SEED=demo), for demos and tests; unset: each
  // gets its own, printed once.
  DEMO_PASSWORD: staffPassword().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Built-in HTTPS: PEM files, both or neither (see docs/install.md).
  TLS_CERT: optional(z.string()),
  TLS_KEY: optional(z.string()),
  // Automatic backups (server/plugins/backups.ts): folder (default DATA_DIR/backups), local time
  // in the hall's zone (`HH:MM`, or `off`), how many to keep.
  BACKUP_DIR: optional(z.string()),
  BACKUP_AT: z.string().regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, 'must be HH:MM (24-hour) or off').default('02:00'),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  // Print queue timings (server/printing/queue.ts), for halls that want other than the defaults.
  PRINT_EXPIRE_S: optional(z.coerce.number().int().min(1).max(3600)),
  PRINT_RETRY_MAX_S: optional(z.coerce.number().int().min(1).max(600)),
  TRUST_PROXY: optional(TrustProxy),
  // How long a request may take to arrive whole: bounds a body dribbled in a byte at a time, and
  // must leave time for the largest media upload (200 MB) over the hall's slowest link.
  REQUEST_TIMEOUT_S: optional(z.coerce.number().int().min(5).max(3600)),
  // The only folder `file:` printers may write in (default DATA_DIR/print, created if missing).
  PRINT_FILE_DIR: optional(z.string()),
  // `1`: the notification webhook may be this machine or its local link (a local gateway, tests).
  WEBHOOK_ALLOW_LOCAL: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  // The city server this hall ships its history to and takes its service catalogue from: both or
  // neither (unset: the hall stands alone).
  CENTRAL_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be the city server\'s http:// or https:// address, e.g. https://city.example.org' }),
  ),
  CENTRAL_TOKEN: optional(z.string().startsWith('hall_', "must be the hall's token the city server showed when the hall was created (it starts with hall_)")),
})
  .refine((env) => !env.TLS_CERT === !env.TLS_KEY, {
    message: 'set both TLS_CERT and TLS_KEY (PEM files) for HTTPS, or neither',
    path: ['TLS_CERT'],
  })
  .refine((env) => !env.CENTRAL_URL === !env.CENTRAL_TOKEN, {
    message: "set both CENTRAL_URL and CENTRAL_TOKEN (the hall's token from the city server) to join a city, or neither",
    path: ['CENTRAL_URL'],
  });

export type Config = z.infer<typeof EnvSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Dawr: invalid environment: ${problems}`);
  }
  return parsed.data;
}
