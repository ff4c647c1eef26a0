import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueText } from '../../clerk-ui/src/admin/text.js';
import { ERROR_TEXT, errorText, loginErrorText } from '../../clerk-ui/src/errors.js';
import { TEXT } from '../../clerk-ui/src/text.js';
import { ERROR_CODES } from '../../server/plugins/errors.js';
import { ApiError } from '../../ui-kit/api.js';

// The staff app words every refusal the server can answer, and never shows the server's English.

const LATIN = /[A-Za-z]/;
/** French puts a no-break space, never none nor a plain one, before « : ; ? ! » (not in «m:ss»). */
const FRENCH_SPACING = / [:;?!]|[^\s\u00a0][:;?!](\s|$)/;

/** Every error code written in the server's source: thrown, or sent as `{error: {code}}`. */
function codesInServer(dir = 'server'): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    const patterns = [/new HallError\(\s*'(\w+)'/g, /new HttpError\(\s*\d+,\s*'(\w+)'/g, /new FieldError\(\s*'(\w+)'/g, /error: \{ code: '(\w+)'/g, /return \{ status(?:: \d+)?, code: '(\w+)'/g];
    for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.add(m[1]!);
  }
  return found;
}

describe('the error table', () => {
  it('has a message in both languages for every code the server can answer', () => {
    const written = codesInServer();
    expect([...written]).toEqual(expect.arrayContaining(['invalid_transition', 'unauthorized', 'rate_limited', 'storage_unavailable', 'internal_error']));
    for (const code of written) expect(ERROR_CODES, `server/ answers ${code}`).toContain(code);
    for (const code of ERROR_CODES) {
      const text = ERROR_TEXT[code];
      expect(text, code).toBeDefined();
      expect(text.ar, code).toMatch(/^[\u0600-\u06FF]/);
      expect(text.ar, code).not.toMatch(LATIN);
      expect(text.en, code).toMatch(/^[A-Z]/);
      expect(text.fr, code).toMatch(/^[A-ZÀ-Ý]/);
      expect(text.fr, code).not.toMatch(FRENCH_SPACING);
    }
  });

  it("says a refusal by its code, and an unknown code in general words, never the server's message", () => {
    const refused = new ApiError(409, 'invalid_transition', 'ticket 8: a no_show ticket cannot be completed');
    expect(errorText(refused, 'ar')).toBe(ERROR_TEXT.invalid_transition.ar);
    expect(errorText(refused, 'en')).toBe(ERROR_TEXT.invalid_transition.en);
    const unknown = new ApiError(418, 'teapot', 'ticket 8 is a teapot');
    for (const lang of ['ar', 'en'] as const) {
      expect(errorText(unknown, lang)).not.toContain('teapot');
      expect(errorText(unknown, lang)).not.toContain('8');
    }
    expect(errorText(unknown, 'ar')).not.toMatch(LATIN);
    expect(errorText(new ApiError(0, 'offline', 'the server cannot be reached'), 'en')).toMatch(/connection is down/);
  });

  it('words a refusal in French, with the no-break space before « : » and « ; »', () => {
    expect(errorText(new ApiError(409, 'invalid_transition', 'x'), 'fr')).toBe(
      'L’état du ticket ou du guichet ne permet plus cette opération\u00a0; quelqu’un a peut-être agi avant vous. Rechargez la page.',
    );
    expect(errorText(new ApiError(0, 'offline', 'x'), 'fr')).toBe('Non envoyé\u00a0: la connexion est coupée. Réessayez.');
  });

  it('says at login that the server is busy or failing, not that the connection is down', () => {
    const busy = new ApiError(503, 'unavailable', 'draining');
    const proxy = new ApiError(502, 'error', 'Bad Gateway');
    const failed = new ApiError(500, 'error', 'Internal Server Error');
    for (const lang of ['ar', 'en'] as const) {
      expect(loginErrorText(busy, lang)).toBe(ERROR_TEXT.unavailable[lang]);
      expect(loginErrorText(proxy, lang)).toBe(ERROR_TEXT.unavailable[lang]);
      expect(loginErrorText(failed, lang)).toBe(ERROR_TEXT.internal_error[lang]);
      expect(loginErrorText(new ApiError(429, 'rate_limited', 'slow down'), lang)).toBe(ERROR_TEXT.rate_limited[lang]);
      expect(loginErrorText(new ApiError(401, 'unauthorized', 'bad password'), lang)).toBe(TEXT.wrongCredentials[lang]);
      expect(loginErrorText(new ApiError(0, 'offline', 'unreachable'), lang)).toBe(errorText(new ApiError(0, 'offline', ''), lang));
    }
    expect(loginErrorText(proxy, 'en')).not.toMatch(/connection/i);
  });

  it("words a field problem it does not know without the server's message, and counts in words", () => {
    const issue = { path: 'x', code: 'brand_new', message: 'server says no' };
    expect(issueText(issue, 'en', 'arab')).not.toContain('server says no');
    expect(issueText({ path: 'serviceIds', code: 'too_few', message: 'too few', limit: 1 }, 'ar', 'arab')).toBe('اختر عنصراً واحداً على الأقل.');
    expect(issueText({ path: 'serviceIds', code: 'too_few', message: 'too few', limit: 3 }, 'ar', 'arab')).toBe('اختر ٣ عناصر على الأقل.');
  });
});
