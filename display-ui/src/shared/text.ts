import type { Bilingual } from '../../../ui-kit/i18n.js';

// The words of the displays. Names from the server (hall, services) come bilingual already.

export const TEXT = {
  ticket: { ar: 'الرقم', en: 'Ticket' },
  counter: { ar: 'الشباك', en: 'Counter' },
  nowCalling: { ar: 'يرجى التوجه', en: 'Please proceed' },
  recall: { ar: 'نداء متكرر', en: 'Recall' },
  previous: { ar: 'النداءات السابقة', en: 'Previous calls' },
  newCalls: { ar: 'نداءات جديدة', en: 'New calls' },
  closedToday: { ar: 'مغلقة اليوم', en: 'Closed today' },
  connecting: { ar: 'جارٍ الاتصال بالخادم…', en: 'Connecting to the server…' },
  offline: { ar: 'انقطع الاتصال، وقد لا تكون النداءات المعروضة محدَّثة', en: 'Connection lost: the calls shown may be out of date' },
  noCalls: { ar: 'لا نداءات بعد', en: 'No calls yet' },
  waiting: { ar: 'في الانتظار', en: 'Waiting' },
  unauthorized: { ar: 'رمز الشاشة مرفوض', en: 'Display token refused' },
  enableSound: { ar: 'اضغط لتفعيل الصوت', en: 'Tap to enable sound' },
  unpaired: { ar: 'هذه الشاشة غير مقترنة', en: 'This screen is not paired' },
  unpairedHelp: {
    ar: 'افتح هذا العنوان مرة واحدة مع ‎?token=‎ ورمز جهاز العرض الذي أنشأه المدير.',
    en: 'Open this address once with ?token= and the display device token an admin created.',
  },
  noCounter: { ar: 'لم يُحدَّد الشباك', en: 'No counter chosen' },
  noCounterHelp: { ar: 'أضف ‎?counter=‎ ورقم الشباك إلى العنوان.', en: 'Add ?counter= and the counter id to the address.' },
  closed: { ar: 'الشباك مغلق', en: 'Counter closed' },
  paused: { ar: 'استراحة قصيرة', en: 'On a short break' },
  open: { ar: 'بانتظار الرقم التالي', en: 'Waiting for the next ticket' },
  called: { ar: 'يرجى التقدم إلى الشباك', en: 'Please come to the counter' },
  serving: { ar: 'قيد الخدمة', en: 'Now serving' },
} satisfies Record<string, Bilingual>;
