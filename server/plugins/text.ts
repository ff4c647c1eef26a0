import fp from 'fastify-plugin';
import { FieldError } from './errors.js';

// Text must be well-formed Unicode. JSON can carry half a surrogate pair (`"\ud800"`), which
// SQLite would store as U+FFFD and a ticket, display or report would show as garbage. Every
// JSON body is checked before its schema, so no route can forget it. (Paths and query strings
// cannot carry one: percent-encoded UTF-8 has no surrogates.)

/** Parsed JSON's arrays and objects, not a media upload's stream. */
const isJson = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/** The path to the first string in `value` that is not well-formed, or null. */
function illFormedAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.isWellFormed() ? null : path;
  if (!isJson(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = illFormedAt(item, [...path, key]);
    if (at) return at;
  }
  return null;
}

export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      const at = illFormedAt(request.body);
      // Named as validation errors name a body's fields: `name.ar`.
      if (at) throw new FieldError('invalid_request', [{ path: at.join('.') || 'body', code: 'ill_formed_text', message: 'must be well-formed Unicode text' }]);
    });
  },
  { name: 'text' },
);
