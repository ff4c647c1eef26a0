import { describe, expect, it } from 'vitest';
import { changeDetails } from '../../../clerk-ui/src/admin/text.js';
import { HallPatch, HallSettingsInput } from '../../../server/protocol/admin.js';

// The audit log's details say which fields changed in the user's words, not the server's.

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
