import type { Service } from '../../server/protocol/schemas.js';
import { arabicCount, formatNumber, pick, type Digits, type StaffLang } from '../../ui-kit/i18n.js';

// Everything the staff app says (the admin area has its own words). English labels of the
// clerk's main buttons are their accessible names, exactly as API.md lists them.

export const TEXT = {
  appName: { ar: 'دَوْر', en: 'Dawr' },
  language: { ar: 'English', en: 'العربية' },
  // login
  loginTitle: { ar: 'دخول الموظفين', en: 'Staff sign-in' },
  username: { ar: 'اسم المستخدم', en: 'Username' },
  password: { ar: 'كلمة المرور', en: 'Password' },
  logIn: { ar: 'تسجيل الدخول', en: 'Log in' },
  loggingIn: { ar: 'جارٍ الدخول…', en: 'Logging in…' },
  wrongCredentials: { ar: 'اسم المستخدم أو كلمة المرور غير صحيحة', en: 'Wrong username or password' },
  sessionEnded: { ar: 'انتهت الجلسة، يرجى تسجيل الدخول مجدداً', en: 'Your session has ended: please log in again' },
  logOut: { ar: 'تسجيل الخروج', en: 'Log out' },
  // shell
  navLabel: { ar: 'الأقسام', en: 'Sections' },
  areaClerk: { ar: 'الشباك', en: 'Counter' },
  areaSupervisor: { ar: 'لوحة الإشراف', en: 'Supervision' },
  areaAdmin: { ar: 'الإدارة', en: 'Administration' },
  areaReports: { ar: 'التقارير', en: 'Reports' },
  areaAppointments: { ar: 'المواعيد', en: 'Appointments' },
  // appointments
  appointmentsOf: { ar: 'مواعيد يوم', en: 'Appointments on' },
  noAppointments: { ar: 'لا توجد مواعيد في هذا اليوم.', en: 'No appointments on this day.' },
  appointmentCode: { ar: 'الرمز', en: 'Code' },
  appointmentTime: { ar: 'الوقت', en: 'Time' },
  appointmentStatus: { ar: 'الحالة', en: 'Status' },
  appointmentTicket: { ar: 'رقم الدور', en: 'Ticket' },
  appt_booked: { ar: 'محجوز', en: 'Booked' },
  appt_checked_in: { ar: 'حضر', en: 'Checked in' },
  appt_cancelled: { ar: 'ملغى', en: 'Cancelled' },
  appt_no_show: { ar: 'لم يحضر', en: 'No-show' },
  appt_done: { ar: 'انتهى', en: 'Done' },
  cancelAppointment: { ar: 'إلغاء الموعد', en: 'Cancel appointment' },
  bookForCitizen: { ar: 'حجز موعد لمواطن', en: 'Book for a citizen' },
  day: { ar: 'اليوم', en: 'Day' },
  freeSlots: { ar: 'الأوقات المتاحة', en: 'Free times' },
  noFreeSlots: { ar: 'لا توجد أوقات متاحة في هذا اليوم.', en: 'No free times on this day.' },
  citizenPhone: { ar: 'هاتف المواطن للتذكير (اختياري)', en: "Citizen's phone for reminders (optional)" },
  book: { ar: 'احجز', en: 'Book' },
  bookedCode: { ar: 'تم الحجز. رمز الموعد:', en: 'Booked. Appointment code:' },
  role_clerk: { ar: 'موظف', en: 'Clerk' },
  role_supervisor: { ar: 'مشرف', en: 'Supervisor' },
  role_admin: { ar: 'مدير النظام', en: 'Administrator' },
  offline: { ar: 'لا يوجد اتصال بالخادم، جارٍ المحاولة مجدداً…', en: 'No connection to the server. Trying again…' },
  liveLost: { ar: 'انقطع التحديث المباشر، جارٍ إعادة الاتصال…', en: 'Live updates lost. Reconnecting…' },
  cancel: { ar: 'إلغاء', en: 'Cancel' },
  close: { ar: 'إغلاق', en: 'Close' },
  save: { ar: 'حفظ', en: 'Save' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  // counters
  chooseCounter: { ar: 'اختر الشباك الذي ستعمل عليه', en: 'Choose the counter you work at' },
  noCounters: { ar: 'لا توجد شبابيك مفعّلة. راجع مدير النظام.', en: 'There are no active counters. Ask an administrator.' },
  state_open: { ar: 'مفتوح', en: 'Open' },
  state_paused: { ar: 'متوقف مؤقتاً', en: 'Paused' },
  state_closed: { ar: 'مغلق', en: 'Closed' },
  yours: { ar: 'شباكك', en: 'Yours' },
  inUse: { ar: 'يعمل عليه موظف آخر', en: 'In use by another clerk' },
  openCounter: { ar: 'فتح الشباك', en: 'Open' },
  resume: { ar: 'استئناف العمل', en: 'Resume' },
  pause: { ar: 'إيقاف مؤقت', en: 'Pause' },
  closeCounter: { ar: 'إغلاق الشباك', en: 'Close counter' },
  changeCounter: { ar: 'تغيير الشباك', en: 'Change counter' },
  pauseTitle: { ar: 'ما سبب الإيقاف المؤقت؟', en: 'Why are you pausing?' },
  reason_break: { ar: 'استراحة', en: 'Break' },
  reason_prayer: { ar: 'صلاة', en: 'Prayer' },
  reason_back_office: { ar: 'عمل مكتبي', en: 'Back office' },
  pausedBanner: { ar: 'الشباك متوقف مؤقتاً', en: 'This counter is paused' },
  pausedHelp: { ar: 'اضغط «استئناف العمل» أو «النداء التالي» للعودة إلى العمل', en: 'Press Resume or Call next to get back to work' },
  closedBanner: { ar: 'الشباك مغلق. افتحه أو اضغط «النداء التالي» لبدء العمل.', en: 'This counter is closed. Open it, or press Call next to start.' },
  services: { ar: 'الخدمات', en: 'Services' },
  // the clerk's buttons (English: the accessible names of API.md)
  callNext: { ar: 'النداء التالي', en: 'Call next' },
  recall: { ar: 'إعادة النداء', en: 'Recall' },
  start: { ar: 'بدء الخدمة', en: 'Start' },
  complete: { ar: 'إنهاء', en: 'Complete' },
  completeWithNote: { ar: 'إنهاء مع ملاحظة', en: 'Complete with note' },
  noShow: { ar: 'لم يحضر', en: 'No-show' },
  transfer: { ar: 'تحويل', en: 'Transfer' },
  requeue: { ar: 'إعادة إلى الدور', en: 'Return to queue' },
  shortcut: { ar: 'اختصار لوحة المفاتيح', en: 'Keyboard shortcut' },
  // the current ticket
  atCounter: { ar: 'عند الشباك', en: 'At the counter' },
  noTicket: { ar: 'لا يوجد مراجع عند الشباك', en: 'No one at the counter' },
  pressCallNext: { ar: 'اضغط «النداء التالي» لاستدعاء المراجع التالي', en: 'Press Call next for the next citizen' },
  nothingWaiting: { ar: 'لا أحد في الانتظار لخدمات هذا الشباك', en: "No one is waiting for this counter's services" },
  status_called: { ar: 'تم النداء، بانتظار حضور المراجع', en: 'Called: waiting for the citizen' },
  status_serving: { ar: 'قيد الخدمة', en: 'Being served' },
  servingFor: { ar: 'مدة الخدمة', en: 'Serving for' },
  sinceCall: { ar: 'منذ النداء', en: 'Since the call' },
  waited: { ar: 'الانتظار', en: 'Waited' },
  whyThis: { ar: 'سبب الاختيار', en: 'Why this ticket' },
  recalls: { ar: 'مرات إعادة النداء', en: 'Recalls' },
  priority: { ar: 'أولوية', en: 'Priority' },
  autoNoShowHint: { ar: 'يُسجَّل «لم يحضر» تلقائياً بعد إعادة النداء', en: 'Marked no-show automatically after recall' },
  // a no-show: confirmed soon after the call, and returnable for a while
  confirmNoShow: { ar: 'نعم، لم يحضر', en: 'Yes, no-show' },
  recallInstead: { ar: 'إعادة النداء بدلاً من ذلك', en: 'Recall instead' },
  goBack: { ar: 'تراجع', en: 'Go back' },
  returnToLine: { ar: 'إعادته إلى مكانه في الصف', en: 'Return to its place in line' },
  // the side panel
  waitingForYou: { ar: 'المنتظرون لخدمات الشباك', en: "Waiting for this counter's services" },
  transferredHere: { ar: 'محوَّلون إلى هذا الشباك', en: 'Transferred to this counter' },
  noOneWaiting: { ar: 'لا أحد في الانتظار', en: 'No one waiting' },
  myDay: { ar: 'إنجازي اليوم', en: 'My day' },
  served: { ar: 'تمت خدمتهم', en: 'Served' },
  noShows: { ar: 'لم يحضروا', en: 'No-shows' },
  waitingList: { ar: 'قائمة الانتظار', en: 'Waiting list' },
  callThis: { ar: 'نداء', en: 'Call' },
  // dialogs
  transferTitle: { ar: 'تحويل الدور', en: 'Transfer ticket' },
  toService: { ar: 'إلى خدمة', en: 'To a service' },
  toCounter: { ar: 'إلى شباك', en: 'To a counter' },
  note: { ar: 'ملاحظة (اختيارية)', en: 'Note (optional)' },
  confirmTransfer: { ar: 'تأكيد التحويل', en: 'Confirm transfer' },
  completeTitle: { ar: 'إنهاء الدور', en: 'Complete ticket' },
  outcome: { ar: 'نتيجة المراجعة', en: 'Outcome' },
  outcome_none: { ar: 'بلا تحديد', en: 'Not stated' },
  outcome_done: { ar: 'أُنجزت المعاملة', en: 'Request completed' },
  outcome_missing_documents: { ar: 'أوراق ناقصة', en: 'Missing documents' },
  outcome_referred: { ar: 'أُحيل إلى جهة أخرى', en: 'Referred elsewhere' },
  outcome_information: { ar: 'استعلام فقط', en: 'Information only' },
  confirmComplete: { ar: 'تأكيد الإنهاء', en: 'Confirm completion' },
  // supervisor
  alerts: { ar: 'التنبيهات', en: 'Alerts' },
  advice: { ar: 'توصيات التوزيع', en: 'Staffing advice' },
  noAdvice: { ar: 'لا توصيات الآن', en: 'No advice now' },
  applyAdvice: { ar: 'طبّق', en: 'Apply' },
  dismissAdvice: { ar: 'تجاهل', en: 'Dismiss' },
  allClear: { ar: 'لا توجد تنبيهات، كل شيء على ما يرام', en: 'No alerts: all is well' },
  soundOn: { ar: 'الصوت مفعّل', en: 'Sound on' },
  soundOff: { ar: 'الصوت مكتوم', en: 'Sound off' },
  counters: { ar: 'الشبابيك', en: 'Counters' },
  clerk: { ar: 'الموظف', en: 'Clerk' },
  ready: { ar: 'جاهز للنداء', en: 'Ready to call' },
  editServices: { ar: 'الخدمات', en: 'Services' },
  counterServicesTitle: { ar: 'خدمات', en: 'Services of' },
  servicesOrderHint: { ar: 'يُنادى أولاً على الخدمة الأعلى في القائمة.', en: 'The service higher in the list is called first.' },
  moveUp: { ar: 'رفع', en: 'Move up' },
  service: { ar: 'الخدمة', en: 'Service' },
  waiting: { ar: 'بالانتظار', en: 'Waiting' },
  servicesInMinutes: { ar: 'الخدمات (الأوقات بالدقائق)', en: 'Services (times in minutes)' },
  longestWait: { ar: 'أطول انتظار / الهدف', en: 'Longest wait / target' },
  estimate: { ar: 'انتظار دور جديد', en: 'New ticket waits' },
  board_called: { ar: 'مُنادى', en: 'Called' },
  board_serving: { ar: 'قيد الخدمة', en: 'Serving' },
  status: { ar: 'الحالة', en: 'Status' },
  serviceOpen: { ar: 'تستقبل', en: 'Taking tickets' },
  closeToday: { ar: 'إغلاق لبقية اليوم', en: 'Close for today' },
  reopen: { ar: 'إعادة الفتح', en: 'Reopen' },
  confirmCloseToday: {
    ar: 'لن تُصدَر أدوار جديدة لهذه الخدمة حتى يوم العمل التالي، ويُخدم من ينتظر الآن. هل أنت متأكد؟',
    en: 'No new tickets for this service until the next business day; those waiting now are still served. Are you sure?',
  },
  waitingTickets: { ar: 'الأدوار المنتظرة', en: 'Waiting tickets' },
  allServices: { ar: 'كل الخدمات', en: 'All services' },
  move: { ar: 'نقل', en: 'Move' },
  moveTitle: { ar: 'نقل الدور إلى خدمة أخرى', en: 'Move the ticket to another service' },
  confirmMove: { ar: 'تأكيد النقل', en: 'Confirm move' },
  cancelTicket: { ar: 'إلغاء الدور', en: 'Cancel ticket' },
  confirmCancelTicket: { ar: 'سيُلغى هذا الدور ولن يُنادى عليه. هل أنت متأكد؟', en: 'This ticket will be cancelled and never called. Are you sure?' },
  keepTicket: { ar: 'تراجع', en: 'Keep it' },
  noShowsToday: { ar: 'لم يحضروا اليوم', en: "Today's no-shows" },
  noNoShowsToday: { ar: 'لم يتخلّف أحد عن دوره اليوم', en: 'No no-shows today' },
  confirmReturnToLine: {
    ar: 'يعود الدور إلى مكانه في الصف بحسب وقت إصداره، فيُنادى قبل الأدوار التي صدرت بعده.',
    en: 'The ticket goes back to its place in line by the time it was issued, and is called before tickets issued after it.',
  },
  printers: { ar: 'الطابعات', en: 'Printers' },
  displays: { ar: 'الشاشات', en: 'Displays' },
  printer_online: { ar: 'تعمل', en: 'Online' },
  printer_offline: { ar: 'غير متصلة', en: 'Offline' },
  printer_paper_out: { ar: 'نفد الورق', en: 'Out of paper' },
  printer_unknown: { ar: 'غير معروفة', en: 'Unknown' },
  displayOnline: { ar: 'متصلة', en: 'Connected' },
  displayOffline: { ar: 'غير متصلة', en: 'Offline' },
  displayNeverSeen: { ar: 'لم تتصل بعد', en: 'Never connected' },
  none: { ar: 'لا يوجد', en: 'None' },
} as const;

export type TextKey = keyof typeof TEXT;

/** «تسجيل الدور B007 «لم يحضر»؟» / "Mark B007 as no-show?" (`number` already formatted). */
export const noShowQuestion = (number: string, lang: StaffLang) =>
  lang === 'ar' ? `تسجيل الدور ${number} «لم يحضر»؟` : `Mark ${number} as no-show?`;

/** Why a no-show this soon is asked about: «نُودي منذ ٢٠ ثانية ولم يُعَد النداء بعد…». */
export function noShowTooSoon(seconds: number, lang: StaffLang, digits: Digits): string {
  if (lang === 'en') return `Called ${seconds} s ago and not recalled yet: the citizen may still be on the way to the counter.`;
  const since = arabicCount(seconds, digits, { one: 'ثانية واحدة', two: 'ثانيتين', few: 'ثوانٍ', many: 'ثانية', other: 'ثانية' });
  return `نُودي منذ ${since} ولم يُعَد النداء بعد، ولعلّ صاحبه في الطريق إلى الشباك.`;
}

/** «سُجِّل الدور B007 «لم يحضر».» / "B007 marked no-show." */
export const markedNoShow = (number: string, lang: StaffLang) =>
  lang === 'ar' ? `سُجِّل الدور ${number} «لم يحضر».` : `${number} marked no-show.`;

/** «نُودي الساعة ١٠:٠٢» / "called at 10:02" (`time` already formatted). */
export const calledAtTime = (time: string, lang: StaffLang) => (lang === 'ar' ? `نُودي الساعة ${time}` : `called at ${time}`);

/** «١٨ دقيقة» / "18 min"; under a minute: «أقل من دقيقة» / "under a minute". */
export function minutes(n: number, lang: StaffLang, digits: Digits): string {
  if (n < 1) return lang === 'ar' ? 'أقل من دقيقة' : 'under a minute';
  if (lang === 'en') return `${n} min`;
  return arabicCount(n, digits, { one: 'دقيقة واحدة', two: 'دقيقتان', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' });
}

/** How long a waiting ticket has waited since it was issued, in whole minutes as `minutes` writes them. */
export const waitedSince = (issuedAt: string, now: number, lang: StaffLang, digits: Digits) =>
  minutes(Math.floor((now - Date.parse(issuedAt)) / 60000), lang, digits);

/** «منذ ٥ دقائق» / "5 min ago". */
export function ago(at: string, now: number, lang: StaffLang, digits: Digits): string {
  const span = waitedSince(at, now, lang, digits);
  return lang === 'ar' ? `منذ ${span}` : `${span} ago`;
}

/** A running time: «٤:٠٧» / "4:07", with hours when it passes one. */
export function clock(seconds: number, lang: StaffLang, digits: Digits): string {
  const s = Math.max(0, Math.floor(seconds));
  const n = (v: number, pad = 2) => formatNumber(v, lang, digits).padStart(pad, formatNumber(0, lang, digits));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${n(h, 1)}:${n(m)}:${n(s % 60)}` : `${n(m, 1)}:${n(s % 60)}`;
}

/** A list in the language's own punctuation: «B، E» / "B, E". */
export const listOf = (items: string[], lang: StaffLang) => items.join(lang === 'ar' ? '، ' : ', ');

/** Wraps a name from the data (often in the other script) so that it does not reorder the sentence around it. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** «الشباك ٣» / "Counter 3": also the accessible name of a counter's button. */
export function counterName(number: number, lang: StaffLang, digits: Digits): string {
  return lang === 'ar' ? `الشباك ${formatNumber(number, 'ar', digits)}` : `Counter ${number}`;
}

/** A service's code by id; '' when the hall has no such service (any more). */
export const serviceCode = (services: Service[], id: number) => services.find((s) => s.id === id)?.code ?? '';

/** A service's name by id, in the language; '' when the hall has no such service (any more). */
export function serviceName(services: Service[], id: number, lang: StaffLang): string {
  const s = services.find((x) => x.id === id);
  return s ? pick(s.name, lang) : '';
}
