import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { LogStream } from './log.js';
import { readTls } from './ops/tls.js';
import advice from './plugins/advice.js';
import appointments from './plugins/appointments.js';
import auth from './plugins/auth.js';
import backups from './plugins/backups.js';
import central, { type CentralOptions } from './plugins/central.js';
import clock from './plugins/clock.js';
import db from './plugins/db.js';
import errors from './plugins/errors.js';
import { registerExternalPlugins, serverOptions } from './plugins/external.js';
import notify from './plugins/notify.js';
import printing, { type PrintingOptions } from './plugins/printing.js';
import realtime from './plugins/realtime.js';
import reports from './plugins/reports.js';
import rollover from './plugins/rollover.js';
import text from './plugins/text.js';
import ui from './plugins/ui.js';
import voice from './plugins/voice.js';
import routes from './routes/index.js';

export interface AppOptions {
  config: Pick<Config, 'DATA_DIR' | 'SEED' | 'ADMIN_PASSWORD' | 'LOG_LEVEL'> &
    Partial<
      Pick<
        Config,
        | 'DEMO_PASSWORD'
        | 'TLS_CERT'
        | 'TLS_KEY'
        | 'BACKUP_DIR'
        | 'BACKUP_AT'
        | 'BACKUP_KEEP'
        | 'PRINT_EXPIRE_S'
        | 'PRINT_RETRY_MAX_S'
        | 'PRINT_FILE_DIR'
        | 'WEBHOOK_ALLOW_LOCAL'
        | 'TRUST_PROXY'
        | 'REQUEST_TIMEOUT_S'
        | 'CENTRAL_URL'
        | 'CENTRAL_TOKEN'
      >
    >;
  /** The clock, in epoch ms; tests pass their own. */
  now?: () => number;
  /** Print queue timings (retry back-off, expiry, status polling); tests make them short. */
  printing?: Partial<PrintingOptions>;
  /** How long a request may take to arrive whole, headers and body (default REQUEST_TIMEOUT_S); tests make it short. */
  requestTimeoutMs?: number;
  /** Where the log goes (default stdout); tests read it. */
  logStream?: LogStream;
  /** The city shipper's intervals; tests make them short. */
  central?: CentralOptions['timing'];
}

/** The whole server, in the fastify/demo order: external plugins, app plugins, then routes. */
export async function buildApp({
  config,
  now = Date.now,
  printing: printingOptions,
  requestTimeoutMs = (config.REQUEST_TIMEOUT_S ?? 60) * 1000,
  logStream,
  central: centralTiming,
}: AppOptions): Promise<FastifyInstance> {
  const { http, ...options } = serverOptions({ logLevel: config.LOG_LEVEL, logStream, trustProxy: config.TRUST_PROXY, requestTimeoutMs });
  // Built-in HTTPS when TLS_CERT and TLS_KEY are set (socket.io rides on the same server).
  const tls = readTls(config);
  const app = Fastify({
    ...options,
    ...(tls ? ({ https: { ...tls, ...http } } as object) : { http }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // External plugins.
  await registerExternalPlugins(app, { title: 'Dawr', description: 'Queue and counter management for citizen-service halls' });

  // App plugins.
  await app.register(errors);
  await app.register(text);
  await app.register(clock, { now });
  const backupDir = config.BACKUP_DIR ?? join(config.DATA_DIR, 'backups');
  await app.register(db, {
    dataDir: config.DATA_DIR,
    seed: config.SEED,
    adminPassword: config.ADMIN_PASSWORD,
    demoPassword: config.DEMO_PASSWORD,
    backupDir,
  });
  await app.register(auth);
  await app.register(realtime, { trustProxy: config.TRUST_PROXY });
  const fileDir = config.PRINT_FILE_DIR ?? join(config.DATA_DIR, 'print');
  await app.register(printing, { ...(printingOptions ?? printingFromConfig(config)), fileDir });
  await app.register(rollover);
  await app.register(reports);
  await app.register(backups, { dir: backupDir, createDir: !config.BACKUP_DIR, at: config.BACKUP_AT, keep: config.BACKUP_KEEP });
  await app.register(notify, { allowLocalWebhook: config.WEBHOOK_ALLOW_LOCAL ?? false });
  await app.register(appointments);
  await app.register(advice);
  await app.register(central, { url: config.CENTRAL_URL, token: config.CENTRAL_TOKEN, timing: centralTiming });
  await app.register(ui);
  await app.register(voice, { dataDir: config.DATA_DIR });

  // Routes, by audience.
  await app.register(routes);
  return app;
}

/** PRINT_EXPIRE_S and PRINT_RETRY_MAX_S, where set; the print queue's defaults otherwise. */
function printingFromConfig(config: AppOptions['config']): Partial<PrintingOptions> {
  const out: Partial<PrintingOptions> = {};
  if (config.PRINT_EXPIRE_S) out.expireAfterMs = config.PRINT_EXPIRE_S * 1000;
  if (config.PRINT_RETRY_MAX_S) out.retryMaxMs = config.PRINT_RETRY_MAX_S * 1000;
  return out;
}
