import type { FieldIssue } from '../../server/protocol/admin.js';
import type { CatalogueService } from '../../server/protocol/city.js';
import { Checks } from '../../clerk-ui/src/admin/validate.js';

// The catalogue editor's rows, and the PUT body they make, checked in the server's paths and
// codes (\`2.code\`, \`0.targetWaitMinutes\`) so that both kinds of problem land beside the cell.

/** GET and PUT /api/city/services: the newest published catalogue (version 0: none yet). */
export interface Published {
  version: number;
  publishedAt: string | null;
  services: CatalogueService[];
}

export interface Row {
  key: number;
  code: string;
  'name.ar': string;
  'name.en': string;
  'name.fr': string;
  targetWaitMinutes: string;
  'whatToBring.ar': string;
  'whatToBring.en': string;
  'whatToBring.fr': string;
}
export type Column = Exclude<keyof Row, 'key'>;

let nextKey = 1;
export const rowOf = (s?: CatalogueService): Row => ({
  key: nextKey++,
  code: s?.code ?? '',
  'name.ar': s?.name.ar ?? '',
  'name.en': s?.name.en ?? '',
  'name.fr': s?.name.fr ?? '',
  targetWaitMinutes: String(s?.targetWaitMinutes ?? 15),
  'whatToBring.ar': (s?.whatToBring?.ar ?? []).join('\n'),
  'whatToBring.en': (s?.whatToBring?.en ?? []).join('\n'),
  'whatToBring.fr': (s?.whatToBring?.fr ?? []).join('\n'),
});

/** The rows as the PUT body, and what is wrong with them, in the server's paths and codes. */
export function catalogueOf(rows: Omit<Row, 'key'>[]): { body: unknown[]; issues: FieldIssue[] } {
  const c = new Checks();
  const seen = new Set<string>();
  const body = rows.map((r, i) => {
    const code = c.text(`${i}.code`, r.code, { max: 3, pattern: /^[A-Z]{1,3}$/ });
    if (code && seen.has(code)) c.add(`${i}.code`, 'listed_twice');
    if (code) seen.add(code);
    return {
      code,
      // Arabic always; English and French where given (a hall speaks Arabic with either, or both).
      name: c.names(`${i}.name`, { ar: r['name.ar'], en: r['name.en'], fr: r['name.fr'] }, { max: 200, english: false }),
      targetWaitMinutes: c.int(`${i}.targetWaitMinutes`, r.targetWaitMinutes, { min: 1, max: 600 }),
      whatToBring: {
        ar: c.list(`${i}.whatToBring.ar`, r['whatToBring.ar'], { max: 200, maxItems: 20 }),
        en: c.list(`${i}.whatToBring.en`, r['whatToBring.en'], { max: 200, maxItems: 20 }),
        fr: c.list(`${i}.whatToBring.fr`, r['whatToBring.fr'], { max: 200, maxItems: 20 }),
      },
    };
  });
  return { body, issues: c.issues };
}

