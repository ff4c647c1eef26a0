import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HallError, type HallErrorCode } from '../hall/errors.js';

// The one error handler: every failure leaves as {error: {code, message}} with the status of
// API.md. Bad input is a 4xx naming the problem; only a bug is a 500, and its details stay in
// the log.

const STATUS: Record<HallErrorCode, number> = {
  invalid_request: 400,
  forbidden: 403,
  not_found: 404,
  invalid_transition: 409,
  conflict: 409,
  service_closed: 409,
  unavailable: 503,
};

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function describe(err: FastifyError): { status: number; code: string; message: string } {
  if (err instanceof HallError) return { status: STATUS[err.code], code: err.code, message: err.message };
  if (err instanceof HttpError) return { status: err.statusCode, code: err.code, message: err.message };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const message = err.validation
      .map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return `${where}${path ? '.' + path : ''}: ${v.message}`;
      })
      .join('; ');
    return { status: 400, code: 'invalid_request', message };
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return { status, code: 'rate_limited', message: err.message };
  if (status === 413) return { status, code: 'payload_too_large', message: 'request body is too large' };
  if (status === 415) return { status, code: 'unsupported_media_type', message: err.message };
  if (status >= 400 && status < 500) return { status, code: 'invalid_request', message: err.message };
  return { status: 500, code: 'internal_error', message: 'internal error' };
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      const { status, code, message } = describe(err);
      if (status >= 500) request.log.error({ err }, 'request failed');
      return reply.status(status).send({ error: { code, message } });
    });
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
    );
  },
  { name: 'errors' },
);
