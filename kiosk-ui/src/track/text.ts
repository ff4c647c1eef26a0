import { formatNumber, type Digits, type Lang } from '../../../ui-kit/i18n.js';
import { PHRASES } from '../../../ui-kit/phrases.js';

// Everything the citizen's phone says (/t/<code> and /join), as a clerk of the hall would say it;
// what a ticket says is worded once for the kiosk, the receipt and the phone (ui-kit/phrases.ts).

export const TEXT = {
  language: { ar: 'English', en: 'العربية' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  offline: { ar: 'انقطع الاتصال، جارٍ إعادة المحاولة…', en: 'Connection lost. Trying again…' },
  failed: { ar: 'تعذّر إتمام الطلب، حاول مرة أخرى.', en: 'That did not work. Please try again.' },
  yourNumber: PHRASES.yourNumber,
  mustBeInHall: { ar: 'يجب أن تكون في الصالة عند النداء', en: 'You must be in the hall when called' },
  keepOpen: { ar: 'أبقِ هذه الصفحة مفتوحة، وسننبّهك عند النداء.', en: "Keep this page open: we'll alert you when you are called." },
  enableAlerts: { ar: 'تفعيل التنبيه بالصوت والاهتزاز', en: 'Turn on sound and vibration' },
  alertsOn: { ar: 'التنبيه بالصوت والاهتزاز مفعّل', en: 'Sound and vibration are on' },
  yourTurn: { ar: 'دورك الآن:', en: 'Your turn:' },
  calledAgain: { ar: 'أُعيد النداء', en: 'Called again' },
  beingServed: { ar: 'تتم خدمتك الآن', en: 'You are being served' },
  whatToBring: PHRASES.whatToBring,
  leave: { ar: 'مغادرة الدور', en: 'Leave the queue' },
  leaveQuestion: { ar: 'هل تريد فعلاً مغادرة الدور؟', en: 'Do you really want to leave the queue?' },
  leaveWarning: {
    ar: 'سيُلغى رقمك ولا يمكن استعادته، وستحتاج إلى دور جديد إن عدت.',
    en: 'Your number will be cancelled for good: you would need a new ticket.',
  },
  leaveYes: { ar: 'نعم، أريد المغادرة', en: 'Yes, leave the queue' },
  leaveNo: { ar: 'لا، سأبقى في الدور', en: 'No, stay in the queue' },
  thanks: { ar: 'شكراً لزيارتك', en: 'Thank you for your visit' },
  rateQuestion: { ar: 'كيف كانت الخدمة اليوم؟', en: 'How was the service today?' },
  unhappy: { ar: 'غير راضٍ', en: 'Unhappy' },
  okay: { ar: 'مقبول', en: 'Okay' },
  happy: { ar: 'راضٍ', en: 'Happy' },
  rated: { ar: 'شكراً، وصل تقييمك.', en: 'Thank you: your rating was received.' },
  commentLabel: { ar: 'هل تريد إضافة ملاحظة؟ (اختياري)', en: 'Would you like to add a comment? (optional)' },
  commentHint: { ar: 'لا تكتب اسمك أو رقم هاتفك.', en: 'Please do not write your name or phone number.' },
  sendComment: { ar: 'إرسال الملاحظة', en: 'Send comment' },
  commentSent: { ar: 'شكراً، وصلت ملاحظتك.', en: 'Thank you: your comment was received.' },
  leftTitle: { ar: 'غادرت الدور', en: 'You left the queue' },
  leftHelp: { ar: 'أُلغي رقمك. نتمنى لك يوماً طيباً.', en: 'Your number has been cancelled. Have a good day.' },
  cancelledTitle: { ar: 'أُلغي هذا الدور', en: 'This ticket was cancelled' },
  askDesk: { ar: 'للاستفسار، راجع موظف الاستعلامات في الصالة.', en: 'If you have questions, please ask at the information desk.' },
  noShowTitle: { ar: 'فاتك دورك', en: 'You missed your turn' },
  noShowHelp: {
    ar: 'نودي على رقمك ولم تحضر. إن كنت في الصالة، راجع موظف الاستعلامات.',
    en: 'Your number was called but you did not come. If you are in the hall, please ask at the information desk.',
  },
  notFoundTitle: { ar: 'لم نعثر على هذا الدور', en: 'This ticket was not found' },
  notFoundHelp: {
    ar: 'ربما انتهت صلاحية الرابط بانتهاء يوم الدوام، أو أنه غير صحيح.',
    en: 'The link may have expired at the end of the working day, or it is not correct.',
  },
  phoneTitle: { ar: 'رسالة على هاتفك', en: 'A message on your phone' },
  phoneOffer: { ar: 'نرسل لك رسالة عندما يقترب دورك.', en: "We'll send you a message when your turn is near." },
  phoneLabel: { ar: 'رقم الهاتف', en: 'Phone number' },
  phonePrivacy: {
    ar: 'نستخدم رقمك لهذه الرسالة فقط، ونحذفه في نهاية اليوم.',
    en: 'We use your number for this message only, and delete it at the end of the day.',
  },
  phoneSave: { ar: 'أرسلوا لي رسالة', en: 'Send me a message' },
  phoneSaved: { ar: 'سنرسل لك رسالة عندما يقترب دورك.', en: "We'll message you when your turn is near." },
  phoneRemove: { ar: 'احذفوا رقمي', en: 'Delete my number' },
  phoneInvalid: { ar: 'رقم الهاتف غير صحيح.', en: 'This phone number is not valid.' },
  // /join
  joinTitle: { ar: 'خذ دورك من هاتفك', en: 'Take a ticket on your phone' },
  chooseService: { ar: 'اختر الخدمة التي جئت من أجلها', en: 'Choose the service you came for' },
  waitingNow: { ar: 'في الانتظار:', en: 'Waiting:' },
  joinOff: { ar: 'لا يمكن أخذ دور من الهاتف في هذه الصالة', en: 'This hall does not give tickets on phones' },
  joinClosed: { ar: 'لا يمكن أخذ دور من الهاتف الآن', en: 'Tickets cannot be taken on phones right now' },
  useKiosk: { ar: 'يمكنك أخذ دور من جهاز الأدوار في الصالة.', en: 'You can take a ticket at the ticket machine in the hall.' },
  joinQuestion: { ar: 'هل تريد أخذ دور لهذه الخدمة؟', en: 'Do you want a ticket for this service?' },
  joinYes: { ar: 'نعم، أعطني دوراً', en: 'Yes, give me a ticket' },
  back: { ar: 'رجوع', en: 'Back' },
  issuing: { ar: 'جارٍ إصدار دورك…', en: 'Issuing your ticket…' },
  tooMany: {
    ar: 'طلبات كثيرة من هذا الجهاز. حاول مجدداً بعد دقائق.',
    en: 'Too many requests from this device. Please try again in a few minutes.',
  },
} as const;

export type TextKey = keyof typeof TEXT;

/** «توجّه إلى الشباك ٥» / "go to counter 5". */
export const goToCounter = (n: number, lang: Lang, digits: Digits) =>
  lang === 'en' ? `go to counter ${n}` : `توجّه إلى الشباك ${formatNumber(n, lang, digits)}`;

/** «عند الشباك ٥» / "at counter 5". */
export const atCounter = (n: number, lang: Lang, digits: Digits) =>
  lang === 'en' ? `at counter ${n}` : `عند الشباك ${formatNumber(n, lang, digits)}`;
