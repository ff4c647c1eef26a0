import { describe, expect, it } from 'vitest';
import { changeDetails, issueText, T } from '../../../clerk-ui/src/admin/text.js';
import { HallPatch, HallSettingsInput } from '../../../server/protocol/admin.js';

// The audit log's details say which fields changed in the user's words, not the server's; the
// field errors and every text of the admin area exist in French, written as French is written.

const LATIN = /[A-Za-z]/;

describe("an admin change's details", () => {
  it('name the fields in either language', () => {
    const printer = { label: 'Front desk', target: 'tcp://10.0.0.7:9100', widthDots: 576, active: false };
    expect(changeDetails(printer, 'ar', 'arab')).toBe('عنوان الطابعة: tcp://10.0.0.7:9100 · عرض الورق: ٥٧٦ · فعّال: لا');
    expect(changeDetails(printer, 'en', 'arab')).toBe('Target: tcp://10.0.0.7:9100 · Paper width: 576 · Active: No');
  });

  it('say a field they do not know in neutral words, never its English name', () => {
    const text = changeDetails({ brandNewField: 3 }, 'ar', 'arab');
    expect(text).toBe('حقل آخر: ٣');
    expect(text).not.toMatch(LATIN);
  });

  it("list the hall's settings one by one, names in the user's language and structures by name only", () => {
    const text = changeDetails(
      { name: { ar: 'صالة المدينة', en: 'City hall' }, openingHours: { mon: [] }, settings: { maxPriorityInRow: 3, enforceHours: true, languages: ['ar', 'en'] } },
      'ar',
      'arab',
    );
    expect(text).toBe('الاسم: صالة المدينة · أوقات الدوام · أقصى عدد لأدوار الأولوية المتتالية: ٣ · عدم إصدار أدوار خارج أوقات الدوام: نعم · لغات الواجهة: العربية، الإنكليزية');
  });

  it('have a name for every setting of the hall', () => {
    for (const key of [...Object.keys(HallPatch.shape), ...Object.keys(HallSettingsInput.shape)].filter((k) => k !== 'settings')) {
      expect(changeDetails({ [key]: 1 }, 'ar', 'arab'), key).not.toContain('حقل آخر');
    }
  });

  it("write numbers in the hall's digits", () => {
    expect(changeDetails({ widthDots: 576 }, 'ar', 'latn')).toBe('عرض الورق: 576');
  });

  it('say a choice as the form offers it', () => {
    expect(changeDetails({ role: 'supervisor', settings: { digits: 'latn', routingPolicy: 'novosga' } }, 'ar', 'arab')).toBe(
      'الصلاحية: مشرف · شكل الأرقام: أرقام لاتينية (123) · طريقة اختيار الدور التالي: ترتيب خدمات الشباك قبل الأولوية (NovoSGA)',
    );
  });
});

describe('the admin area in French', () => {
  const issue = (code: string, limit?: number) => ({ path: 'password', code, message: code, ...(limit === undefined ? {} : { limit }) });

  it('says what is wrong with a field, counting as French counts, in Latin digits whatever the hall writes', () => {
    expect(issueText(issue('required'), 'fr', 'arab')).toBe('Ce champ est obligatoire.');
    expect(issueText(issue('too_short', 10), 'fr', 'arab')).toBe('Utilisez au moins 10\u00a0caractères.');
    expect(issueText(issue('too_long', 1), 'fr', 'arab')).toBe('Utilisez au plus 1\u00a0caractère.');
    expect(issueText(issue('too_small', 5), 'fr', 'arab')).toBe('La valeur doit être d’au moins 5.');
    expect(issueText(issue('too_few', 1), 'fr', 'arab')).toBe('Choisissez-en au moins un.');
    expect(issueText(issue('needs_arabic'), 'fr', 'arab')).toBe('Remplissez aussi l’arabe, ou laissez-les tous vides.');
    expect(issueText(issue('media_type'), 'fr', 'arab')).toBe('Ce type de fichier n’est pas accepté\u00a0: images ou vidéos uniquement.');
    expect(issueText(issue('brand_new_code'), 'fr', 'arab')).toBe('Saisissez une valeur valide.');
  });

  it("uses a field's own words in French where it has them", () => {
    const hints = { duplicate: { ar: 'مأخوذ', en: 'Taken', fr: 'Déjà pris' } };
    expect(issueText(issue('duplicate'), 'fr', 'arab', hints)).toBe('Déjà pris');
  });

  it("names a change's fields in French, a no-break space before the colon", () => {
    const printer = { label: 'Accueil', target: 'tcp://10.0.0.7:9100', widthDots: 576, active: false };
    expect(changeDetails(printer, 'fr', 'arab')).toBe('Adresse de l’imprimante\u00a0: tcp://10.0.0.7:9100 · Largeur du papier\u00a0: 576 · Actif\u00a0: Non');
    expect(changeDetails({ name: { ar: 'قاعة الجزائر', en: 'Algiers hall', fr: 'Salle d’Alger' }, settings: { hijriCalendar: 'islamic-civil', languages: ['ar', 'fr'] } }, 'fr', 'latn')).toBe(
      'Nom\u00a0: Salle d’Alger · Calendrier hégirien\u00a0: Tabulaire (civil) · Langues\u00a0: Arabe, Français',
    );
  });

  it('has every text, written with French punctuation and apostrophes', () => {
    for (const [key, text] of Object.entries(T)) {
      const fr = text.fr;
      expect(fr, key).not.toBe('');
      expect(fr, `${key}: a no-break space before ; ? ! and a colon`).not.toMatch(/[^\u00a0][;?!]|[^\u00a0]: /);
      expect(fr, `${key}: no-break spaces inside « »`).not.toMatch(/«[^\u00a0]|[^\u00a0]»/);
      expect(fr, `${key}: the typographic apostrophe`).not.toContain("'");
    }
  });
});
