import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../server/protocol/city.js';
import { catalogueOf, rowOf } from '../../city-ui/src/catalogue.js';

// The catalogue editor's rows make the PUT body the city accepts, and its own checks name the
// same cells (`<row>.<field>`) as the server's field errors do.

const row = (patch: Partial<ReturnType<typeof rowOf>> = {}) => ({
  ...rowOf({ code: 'P', name: { ar: 'جوازات السفر', en: 'Passports' }, targetWaitMinutes: 20, whatToBring: { ar: ['الهوية'], en: ['ID card'] } }),
  ...patch,
});

describe('the catalogue editor', () => {
  it('makes a body the contract accepts, from Arabic-Indic digits and lines too', () => {
    const { body, issues } = catalogueOf([row(), row({ code: 'CR', targetWaitMinutes: '١٥', 'whatToBring.ar': ' الهوية \n\n صورتان ', 'whatToBring.en': '' })]);
    expect(issues).toEqual([]);
    expect(Catalogue.parse(body)).toEqual([
      { code: 'P', name: { ar: 'جوازات السفر', en: 'Passports' }, targetWaitMinutes: 20, whatToBring: { ar: ['الهوية'], en: ['ID card'], fr: [] } },
      { code: 'CR', name: { ar: 'جوازات السفر', en: 'Passports' }, targetWaitMinutes: 15, whatToBring: { ar: ['الهوية', 'صورتان'], en: [], fr: [] } },
    ]);
  });

  it('takes a service named in Arabic and French only, with its papers in French', () => {
    const algiers = rowOf({ code: 'EC', name: { ar: 'الحالة المدنية', fr: 'État civil' }, targetWaitMinutes: 10, whatToBring: { ar: ['بطاقة التعريف'], fr: ['Carte d’identité'] } });
    expect([algiers['name.en'], algiers['name.fr'], algiers['whatToBring.fr']]).toEqual(['', 'État civil', 'Carte d’identité']);
    const { body, issues } = catalogueOf([algiers]);
    expect(issues).toEqual([]);
    expect(Catalogue.parse(body)).toEqual([
      { code: 'EC', name: { ar: 'الحالة المدنية', fr: 'État civil' }, targetWaitMinutes: 10, whatToBring: { ar: ['بطاقة التعريف'], en: [], fr: ['Carte d’identité'] } },
    ]);
    expect(catalogueOf([{ ...algiers, 'name.fr': 'x'.repeat(201) }]).issues.map((i) => [i.path, i.code])).toEqual([['0.name.fr', 'too_long']]);
  });

  it("names each problem's cell as the server does", () => {
    const { issues } = catalogueOf([row(), row({ code: 'P' }), row({ code: 'p1', 'name.ar': ' ', targetWaitMinutes: '0' })]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['1.code', 'listed_twice'],
      ['2.code', 'invalid_format'],
      ['2.name.ar', 'required'],
      ['2.targetWaitMinutes', 'too_small'],
    ]);
    const server = Catalogue.safeParse([{ code: 'P', name: { ar: 'أ', en: 'a' }, targetWaitMinutes: 0 }]);
    expect(server.error?.issues.map((i) => i.path.join('.'))).toEqual(['0.targetWaitMinutes']);
  });
});
