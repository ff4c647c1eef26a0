import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LogStream } from '../log.js';
import clock from '../plugins/clock.js';
import errors from '../plugins/errors.js';
import { registerExternalPlugins, serverOptions } from '../plugins/external.js';
import text from '../plugins/text.js';
import ui from '../plugins/ui.js';
import type { CityConfig } from './config.js';
import auth from './plugins/auth.js';
import board from './plugins/board.js';
import database from './plugins/database.js';
import routes from './routes/index.js';

/** A request must arrive whole within this: the city faces the WAN, where a slow sender is an attack as often as a bad line. */
const REQUEST_TIMEOUT_MS = 60_000;

export const CITY_PAGES: [address: string, html: string][] = [
  ['/city/', 'city-ui/index.html'],
  ['/waits/', 'city-ui/waits.html'],
];

export interface CityAppOptions {
  config: Pick<CityConfig, 'DATA_DIR' | 'SEED' | 'LOG_LEVEL'> & Partial<Pick<CityConfig, 'DATABASE_URL' | 'ADMIN_PASSWORD' | 'TRUST_PROXY'>>;
  /** The city's clock, in epoch ms; tests pass their own. */
  now?: () => number;
  logStream?: LogStream;
  /** How often the board looks for halls gone quiet (default 5 s); tests make it short. */
  sweepEveryMs?: number;
}

/** The city server, in the fastify/demo order: external plugins, app plugins, then routes. */
export async function buildCityApp({ config, now = Date.now, logStream, sweepEveryMs }: CityAppOptions): Promise<FastifyInstance> {
  const app = Fastify(
    serverOptions({ logLevel: config.LOG_LEVEL, logStream, trustProxy: config.TRUST_PROXY, requestTimeoutMs: REQUEST_TIMEOUT_MS }),
  ).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // External plugins.
  await registerExternalPlugins(app, { title: 'Dawr city', description: "The city server: every hall's board, reports across halls, the service catalogue" });

  try {
    // App plugins.
    await app.register(errors);
    await app.register(text);
    await app.register(clock, { now });
    await app.register(database, { databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, seed: config.SEED, adminPassword: config.ADMIN_PASSWORD });
    await app.register(auth);
    await app.register(board, { sweepEveryMs });
    await app.register(ui, { pages: CITY_PAGES });

    // Routes, by audience.
    await app.register(routes);
  } catch (err) {
    // Closed here, as nobody else can: an embedded PostgreSQL must not outlive a failed start.
    await app.close().catch(() => {});
    throw err;
  }
  return app;
}
