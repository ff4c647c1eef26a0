import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HallError, type HallErrorCode } from '../hall/errors.js';
import { reportStorageProblem, storageMessage, storageProblem } from '../ops/storage.js';
import type { FieldIssue } from '../protocol/admin.js';

// The one error handler: every failure leaves as {error: {code, message}} with the status of
// API.md. Bad input is a 4xx naming the problem; only a bug is a 500, and its details stay in
// the log. Validation errors and conflicts on a field also list `fields` ({path, code, message}),
// so that a form can show each next to its field.

const STATUS: Record<HallErrorCode, number> = {
  invalid_request: 400,
  forbidden: 403,
  not_found: 404,
  invalid_transition: 409,
  conflict: 409,
  service_closed: 409,
  hall_closed: 409,
  confirmation_required: 409,
  too_late: 409,
  already_notified: 409,
  too_many_changes: 409,
  managed_by_city: 409,
  advice_stale: 409,
  advice_decided: 409,
  slot_full: 409,
  outside_booking_window: 409,
  outside_check_in_window: 409,
  unavailable: 503,
};

/** The codes an error answer carries beyond a use case's own. */
const HTTP_CODES = ['unauthorized', 'rate_limited', 'payload_too_large', 'unsupported_media_type', 'storage_unavailable', 'internal_error'] as const;

export type ErrorCode = HallErrorCode | (typeof HTTP_CODES)[number];

/** Every `error.code` this server answers: the staff app has words for each (tests/clerk-ui/errors.test.ts). */
export const ERROR_CODES: readonly ErrorCode[] = [...(Object.keys(STATUS) as HallErrorCode[]), ...HTTP_CODES];

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A refusal about named fields of the body: a duplicate code, a bad printer target… */
export class FieldError extends HallError {
  constructor(
    code: HallErrorCode,
    readonly fields: FieldIssue[],
  ) {
    super(code, fields.map((f) => `${f.path}: ${f.message}`).join('; '));
  }
}

interface ZodIssueEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** An issue's place in the part of the request it is about: `name.ar`. */
const dotted = (v: { instancePath: string }) => v.instancePath.replace(/^\//, '').replaceAll('/', '.');
/** The same, naming the part: `body.name.ar`, `querystring.width`. */
const inPart = (where: string, path: string) => `${where}${path ? '.' + path : ''}`;

/** A zod issue as a field error: its kind in the few words the UI translates. */
function fieldOf(v: ZodIssueEntry, where: string): FieldIssue {
  const path = dotted(v);
  const params = v.params ?? {};
  const message = v.message ?? 'is invalid';
  const out: FieldIssue = { path: where === 'body' ? path : inPart(where, path), code: v.keyword, message };
  if (v.keyword === 'too_small' || v.keyword === 'too_big') {
    const limit = Number(params[v.keyword === 'too_small' ? 'minimum' : 'maximum']);
    if (Number.isFinite(limit)) out.limit = limit;
    if (params.origin === 'string') out.code = v.keyword === 'too_big' ? 'too_long' : limit <= 1 ? 'required' : 'too_short';
    if (params.origin === 'array') out.code = v.keyword === 'too_big' ? 'too_many' : 'too_few';
  }
  if (v.keyword === 'invalid_type' && /received undefined/.test(message)) out.code = 'required';
  const own = (params.params as { code?: unknown } | undefined)?.code;
  if (v.keyword === 'custom' && typeof own === 'string') out.code = own;
  return out;
}

function describe(err: FastifyError): { status: number; code: ErrorCode; message: string; fields?: FieldIssue[] } {
  if (err instanceof FieldError) return { status: STATUS[err.code], code: err.code, message: err.message, fields: err.fields };
  if (err instanceof HallError) return { status: STATUS[err.code], code: err.code, message: err.message };
  if (err instanceof HttpError) return { status: err.statusCode, code: err.code, message: err.message };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const message = err.validation.map((v) => `${inPart(where, dotted(v))}: ${v.message}`).join('; ');
    const fields = err.validation.map((v) => fieldOf(v as ZodIssueEntry, where));
    return { status: 400, code: 'invalid_request', message, fields };
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return { status, code: 'rate_limited', message: err.message };
  if (status === 413) return { status, code: 'payload_too_large', message: 'request body is too large' };
  if (status === 415) return { status, code: 'unsupported_media_type', message: err.message };
  if (status >= 400 && status < 500) return { status, code: 'invalid_request', message: err.message };
  return { status: 500, code: 'internal_error', message: 'internal error' };
}

/** Malformed or overlong URLs are refused by the router before any hook: same error shape (Fastify's `frameworkErrors`). */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  return reply.status(error.statusCode ?? 400).send({ error: { code: 'invalid_request', message: error.message.slice(0, 200) } });
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      // Disk full, read-only, I/O error: 503 naming the cause, and the staff are alerted.
      const storage = storageProblem(err);
      if (storage) {
        const message = storageMessage(storage, request);
        reportStorageProblem(app, storage, message, err);
        return reply.status(503).send({ error: { code: 'storage_unavailable', message } });
      }
      const { status, code, message, fields } = describe(err);
      if (status >= 500) request.log.error({ err }, 'request failed');
      return reply.status(status).send({ error: fields ? { code, message, fields } : { code, message } });
    });
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
    );
  },
  { name: 'errors' },
);
