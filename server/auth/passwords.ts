import { dictionary } from '@zxcvbn-ts/language-common';

// What a staff password must be: long enough, not one of the passwords tried first by anyone
// guessing (the common-password list of zxcvbn-ts, MIT), not one character over and over, not
// the username. The first three say why in the `code` the staff app translates.

export const MIN_PASSWORD_LENGTH = 10;

/** The list's entries that the length rule does not already refuse. */
const COMMON = new Set(dictionary['passwords-common'].filter((p) => p.length >= MIN_PASSWORD_LENGTH));

export interface PasswordProblem {
  code: 'too_short' | 'common_password' | 'one_character' | 'same_as_username';
  message: string;
}

export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { code: 'too_short', message: `use at least ${MIN_PASSWORD_LENGTH} characters` };
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return { code: 'common_password', message: 'this is one of the most common passwords; choose another' };
  if (/^(.)\1*$/su.test(password)) return { code: 'one_character', message: 'a password of one character repeated is guessed at once' };
  if (username !== undefined && lower === username.toLowerCase()) return { code: 'same_as_username', message: 'the password must not be the username' };
  return null;
}
