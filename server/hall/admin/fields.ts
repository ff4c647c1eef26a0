import { FieldError } from '../../plugins/errors.js';

// What admin changes share, with no database behind it (the city's staff rules use it too).

/** Drops undefined fields; null when none is left (an empty PATCH changes nothing). */
export function changes<T extends Record<string, unknown>>(fields: T): Partial<T> | null {
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
  return Object.keys(set).length > 0 ? set : null;
}

/** 409 with `fields`: the value of this field is taken already. */
export const duplicate = (path: string, message: string) =>
  new FieldError('conflict', [{ path, code: 'duplicate', message }]);

/** 400 with `fields`, for checks that zod cannot make (they need the database). */
export const invalidField = (path: string, code: string, message: string) =>
  new FieldError('invalid_request', [{ path, code, message }]);
