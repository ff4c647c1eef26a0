import { arabicCount, type Digits, type Lang } from '../../ui-kit/i18n.js';
import { PHRASES } from '../../ui-kit/phrases.js';

// Everything the kiosk says, in the words a clerk of the hall would use; what a ticket says is
// worded once for the kiosk, the receipt and the phone (ui-kit/phrases.ts).

export const TEXT = {
  chooseService: { ar: 'اختر الخدمة التي جئت من أجلها', en: 'Choose the service you came for' },
  language: { ar: 'English', en: 'العربية' },
  priorityEntry: { ar: 'أولوية (كبار السن، ذوو الإعاقة، الحوامل)', en: 'Priority (elderly, disabled, pregnant)' },
  priorityIsFor: {
    ar: 'دور الأولوية مخصّص لكبار السن وذوي الإعاقة والحوامل.',
    en: 'Priority tickets are for elderly people, people with disabilities and pregnant women.',
  },
  priorityQuestion: { ar: 'هل أنت منهم أو ترافق أحدهم؟', en: 'Are you one of them, or with one of them?' },
  priorityYes: { ar: 'نعم، أريد دور أولوية', en: 'Yes, a priority ticket' },
  priorityNo: { ar: 'لا، رجوع', en: 'No, go back' },
  priorityMode: { ar: 'دور أولوية: اختر الخدمة', en: 'Priority ticket: choose the service' },
  priorityCancel: { ar: 'إلغاء الأولوية', en: 'Cancel priority' },
  priorityTag: PHRASES.priorityTag,
  waiting: { ar: 'في الانتظار:', en: 'Waiting:' },
  otherServices: { ar: 'خدمات أخرى', en: 'Other services' },
  issuing: { ar: 'جارٍ إصدار دورك…', en: 'Issuing your ticket…' },
  retrying: { ar: 'تعذّر الاتصال بالخادم. جارٍ المحاولة مجدداً…', en: 'Cannot reach the server. Trying again…' },
  cancel: { ar: 'إلغاء', en: 'Cancel' },
  yourNumber: PHRASES.yourNumber,
  scanToFollow: PHRASES.scanToFollow,
  printing: { ar: 'جارٍ طباعة البطاقة…', en: 'Printing your ticket…' },
  printed: { ar: 'تمت الطباعة، خذ بطاقتك', en: 'Printed: please take your ticket' },
  printerDown: {
    ar: 'يرجى تصوير الرقم ورمز الاستجابة السريعة، فالطابعة متوقفة حالياً',
    en: 'Please take a photo of the number and the QR code: the printer is not working right now',
  },
  paperOut: {
    ar: 'نفد الورق من الطابعة. يرجى تصوير الرقم ورمز الاستجابة السريعة',
    en: 'The printer is out of paper. Please take a photo of the number and the QR code',
  },
  printFailed: {
    ar: 'تعذّرت طباعة البطاقة. يرجى تصوير الرقم ورمز الاستجابة السريعة',
    en: 'Your ticket could not be printed. Please take a photo of the number and the QR code',
  },
  noPaperCameOut: {
    ar: 'إن لم تخرج البطاقة من الطابعة، يرجى تصوير الرقم ورمز الاستجابة السريعة',
    en: 'If no ticket came out of the printer, please take a photo of the number and the QR code',
  },
  ticketStillValid: { ar: 'دورك محفوظ ولن يضيع.', en: 'Your turn is kept all the same.' },
  menuPrinterDown: {
    ar: 'الطابعة متوقفة حالياً: يمكنك أخذ دور وتصوير رقمه',
    en: 'The printer is not working right now: you can still take a ticket and photograph it',
  },
  whatToBring: PHRASES.whatToBring,
  done: { ar: 'تم', en: 'Done' },
  touchToStart: { ar: 'اضغط هنا لأخذ دور', en: 'Touch to take a ticket' },
  connecting: { ar: 'جارٍ الاتصال بالخادم…', en: 'Connecting to the server…' },
  offline: { ar: 'لا يوجد اتصال بالخادم، جارٍ المحاولة مجدداً…', en: 'No connection to the server. Trying again…' },
  hallClosedToday: { ar: 'المركز مغلق اليوم', en: 'The centre is closed today' },
  serviceClosed: { ar: 'هذه الخدمة لا تستقبل أدواراً الآن', en: 'This service is not taking tickets now' },
  storageUnavailable: {
    ar: 'لا يمكن إصدار الأدوار الآن: تعذّر حفظها في النظام. يرجى مراجعة أحد الموظفين.',
    en: 'Tickets cannot be issued right now: the system cannot store them. Please ask a member of staff.',
  },
  gaveUp: { ar: 'تعذّر الاتصال بالخادم. يرجى مراجعة أحد الموظفين.', en: 'The server cannot be reached. Please ask a member of staff.' },
  failed: {
    ar: 'حدث خطأ. يرجى المحاولة مرة أخرى أو مراجعة أحد الموظفين.',
    en: 'Something went wrong. Please try again or ask a member of staff.',
  },
  notPairedTitle: { ar: 'هذا الجهاز غير مقترن بعد', en: 'This kiosk is not paired yet' },
  notPairedHelp: { ar: 'يرجى مراجعة أحد الموظفين لتشغيله.', en: 'Please ask a member of staff to set it up.' },
  ok: { ar: 'حسناً', en: 'OK' },
  appointmentEntry: { ar: 'لدي موعد', en: 'I have an appointment' },
  appointmentHelp: {
    ar: 'اكتب رمز موعدك، أو ضع رمز الاستجابة السريعة تحت الماسح.',
    en: 'Type your appointment code, or hold its QR code under the scanner.',
  },
  appointmentCode: { ar: 'رمز الموعد', en: 'Appointment code' },
  clearCode: { ar: 'مسح', en: 'Clear' },
  eraseDigit: { ar: 'حذف رقم', en: 'Delete a digit' },
  checkIn: { ar: 'تسجيل الحضور', en: 'Check in' },
  back: { ar: 'رجوع', en: 'Back' },
  unknownCode: { ar: 'لا يوجد موعد بهذا الرمز. تأكّد منه وحاول مجدداً.', en: 'No appointment has this code. Check it and try again.' },
  appointmentCancelled: { ar: 'أُلغي هذا الموعد.', en: 'This appointment was cancelled.' },
  appointmentUsed: { ar: 'سُجّل حضور هذا الموعد من قبل.', en: 'This appointment has already been checked in.' },
  tooManyCodes: {
    ar: 'محاولات كثيرة. يرجى الانتظار قليلاً أو مراجعة أحد الموظفين.',
    en: 'Too many attempts. Please wait a little or ask a member of staff.',
  },
  tooEarlyTitle: { ar: 'لم يحن وقت موعدك بعد', en: 'It is not time for your appointment yet' },
  tooEarlyHelp: {
    ar: 'يُفتح تسجيل الحضور قبيل موعدك، فيرجى العودة حينها.',
    en: 'Check-in opens shortly before your time: please come back then.',
  },
  tooLateTitle: { ar: 'فات وقت تسجيل الحضور لموعدك', en: 'It is too late to check in for your appointment' },
  tooLateOffer: {
    ar: 'يمكنك أخذ دور عادي للخدمة نفسها الآن.',
    en: 'You can take an ordinary ticket for the same service now.',
  },
  ordinaryTicket: { ar: 'خذ دوراً عادياً', en: 'Take an ordinary ticket' },
} as const;

export type TextKey = keyof typeof TEXT;

/** «موعدك الساعة ١٠:٤٠» / "Your appointment is at 10:40" (a time in the hall's digits). */
export const appointmentAt = (time: string, lang: Lang) => (lang === 'ar' ? `موعدك الساعة ${time}` : `Your appointment is at ${time}`);


/** «العودة إلى القائمة بعد ١٥ ثانية» / "Back to the menu in 15 s". */
export function backIn(seconds: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return `Back to the menu in ${seconds} s`;
  const span = arabicCount(seconds, digits, { one: 'ثانية واحدة', two: 'ثانيتين', few: 'ثوانٍ', many: 'ثانية', other: 'ثانية' });
  return `العودة إلى القائمة بعد ${span}`;
}
