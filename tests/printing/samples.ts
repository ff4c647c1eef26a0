import type { TicketFacts } from '../../server/printing/texts.js';

/** A ticket of the demo hall, in either language. */
export function sampleFacts(lang: 'ar' | 'en', overrides: Partial<TicketFacts> = {}): TicketFacts {
  const ar = lang === 'ar';
  return {
    lang,
    digits: 'arab',
    timeZone: 'Asia/Damascus',
    hijriCalendar: 'islamic-umalqura',
    hallName: ar ? 'مركز خدمة المواطن' : 'Citizen Service Centre',
    serviceName: ar ? 'رخص البناء' : 'Building permits',
    number: 'B007',
    priority: false,
    appointmentAt: null,
    issuedAt: Date.parse('2026-11-27T09:04:00Z'),
    ahead: 3,
    estimatedWaitMinutes: 15,
    notStarted: null,
    trackingUrl: 'http://192.168.1.10:3000/t/Q2l0aXplblNlcnZpY2VDZW50',
    whatToBring: ar
      ? ['صورة الهوية الشخصية', 'سند الملكية أو بيان القيد العقاري', 'المخططات الهندسية مصدّقة من نقابة المهندسين']
      : ['A copy of your ID card', 'The title deed or a land-registry statement', 'Engineering drawings certified by the Engineers Syndicate'],
    footer: ar ? 'نحترم خصوصيتك: لا نطلب اسمك ولا رقم هاتفك.' : 'We respect your privacy: we never ask for your name or phone number.',
    ...overrides,
  };
}
