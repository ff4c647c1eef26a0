import type { FieldIssue } from '../../../server/protocol/admin.js';
import type { Bilingual } from '../../../server/protocol/schemas.js';

// The checks a form makes before it sends anything, in the server's terms (paths and codes), so
// that both kinds of problem are shown the same way. The server checks everything again.

const ARABIC_INDIC = /[٠-٩]/g;

/** `"١٢"` or `" 12 "` → 12; `""` → null; anything else → NaN. */
export function parseNumber(text: string): number | null {
  const t = text.replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660)).trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** Non-empty trimmed lines of a textarea. */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export class Checks {
  readonly issues: FieldIssue[] = [];

  add(path: string, code: string, limit?: number): void {
    this.issues.push({ path, code, message: code, ...(limit === undefined ? {} : { limit }) });
  }

  /** A trimmed text within bounds; answers it, or null when empty and optional. */
  text(path: string, value: string, o: { max: number; min?: number; optional?: boolean; pattern?: RegExp }): string | null {
    const t = value.trim();
    if (t === '') {
      if (!o.optional) this.add(path, 'required');
      return null;
    }
    if (o.min && t.length < o.min) this.add(path, 'too_short', o.min);
    else if (t.length > o.max) this.add(path, 'too_long', o.max);
    else if (o.pattern && !o.pattern.test(t)) this.add(path, 'invalid_format');
    return t;
  }

  /**
   * A name or a text in the hall's languages (`path.ar`, `path.en`, `path.fr`): Arabic always,
   * English when the hall speaks it, French where given. English and French are sent only when
   * filled, so that clearing one removes it.
   */
  names(path: string, text: { ar: string; en: string; fr: string }, o: { max: number; english: boolean }): Bilingual {
    const ar = this.text(`${path}.ar`, text.ar, { max: o.max }) ?? '';
    const en = this.text(`${path}.en`, text.en, { max: o.max, optional: !o.english });
    const fr = this.text(`${path}.fr`, text.fr, { max: o.max, optional: true });
    return { ar, ...(en ? { en } : {}), ...(fr ? { fr } : {}) };
  }

  /** A whole number within bounds; answers it, or null when empty and optional. */
  int(path: string, value: string, o: { min: number; max: number; optional?: boolean }): number | null {
    const n = parseNumber(value);
    if (n === null) {
      if (!o.optional) this.add(path, 'required');
      return null;
    }
    if (!Number.isInteger(n)) this.add(path, 'not_integer');
    else if (n < o.min) this.add(path, 'too_small', o.min);
    else if (n > o.max) this.add(path, 'too_big', o.max);
    return n;
  }

  /** An http(s) address; answers it, or null when empty and optional. */
  url(path: string, value: string, o: { max: number; optional?: boolean }): string | null {
    const t = this.text(path, value, { max: o.max, optional: o.optional });
    if (t === null || t.length > o.max) return t;
    let ok = false;
    try {
      const u = new URL(t);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      ok = false;
    }
    if (!ok) this.add(path, 'invalid_format');
    return t;
  }

  /** One item per line, each and all within bounds. */
  list(path: string, value: string, o: { max: number; maxItems: number }): string[] {
    const items = lines(value);
    if (items.length > o.maxItems) this.add(path, 'too_many', o.maxItems);
    else if (items.some((i) => i.length > o.max)) this.add(path, 'too_long', o.max);
    return items;
  }
}
