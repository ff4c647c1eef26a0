import { z } from 'zod';
import { passwordProblem } from '../auth/passwords.js';
import { TrustProxy } from '../config.js';

// The city server's settings, read once from the environment (../shared/API.md, "Many halls").

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const CityEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data-central'),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  ADMIN_PASSWORD: optional(
    z.string().superRefine((p, ctx) => {
      const problem = passwordProblem(p, 'admin');
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
    }),
  ),
  SEED: z.enum(['demo', 'none']).default('demo'),
  // Behind a load balancer or reverse proxy: its addresses, so that rate limits see each client (as on a hall).
  TRUST_PROXY: optional(TrustProxy),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type CityConfig = z.infer<typeof CityEnv>;

export function readCityConfig(env: NodeJS.ProcessEnv = process.env): CityConfig {
  const parsed = CityEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Dawr city: invalid environment: ${problems}`);
  }
  return parsed.data;
}
