import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { loggerOptions, type LogStream } from '../log.js';
import { VERSION } from '../version.js';
import { answerFrameworkError } from './errors.js';

/**
 * The external plugins a hall server and the city server both start with: security headers,
 * cookies, rate limits, the OpenAPI document and its pages at /docs.
 */
export async function registerExternalPlugins(app: FastifyInstance, info: { title: string; description: string }): Promise<void> {
  // The hall's LAN is plain HTTP: an upgrade-insecure-requests CSP or HSTS there would send the
  // browser to https:// for every asset, and every screen would be blank. HSTS only over HTTPS
  // (built-in TLS, or a proxy's X-Forwarded-Proto once trusted).
  await app.register(helmet, {
    hsts: false,
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(cookie);
  // An aborted request has no address left (request.ip is undefined): it still needs a key.
  await app.register(rateLimit, { global: false, keyGenerator: (request) => normalizeIP(request.ip ?? 'gone') });
  await app.register(swagger, {
    openapi: {
      info: { ...info, version: VERSION },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'dawr_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (csp) => csp.replace(/\s*upgrade-insecure-requests;/, ''),
  });
}

/**
 * Fastify's options both servers share. A request dribbled in a byte at a time must not hold its
 * connection for ever: Node ignores requestTimeout while headersTimeout (60 s) is longer, and
 * checks every 30 s: ten times per timeout instead.
 */
export function serverOptions(o: { logLevel: Config['LOG_LEVEL']; logStream?: LogStream; trustProxy?: string[]; requestTimeoutMs: number }) {
  return {
    http: { headersTimeout: o.requestTimeoutMs, connectionsCheckingInterval: Math.ceil(o.requestTimeoutMs / 10) },
    logger: loggerOptions(o.logLevel, o.logStream),
    // Behind a reverse proxy: the client's address (rate limits) and protocol (Secure cookie).
    trustProxy: o.trustProxy ?? false,
    requestTimeout: o.requestTimeoutMs,
    bodyLimit: 256 * 1024,
    forceCloseConnections: 'idle' as const,
    return503OnClosing: true,
    // Malformed or overlong URLs are refused by the router before any hook: same error shape.
    frameworkErrors: answerFrameworkError,
  };
}
