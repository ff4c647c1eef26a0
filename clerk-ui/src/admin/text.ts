import type { FieldIssue } from '../../../server/protocol/admin.js';
import { arabicCount, formatNumber, type Digits, type StaffLang } from '../../../ui-kit/i18n.js';

// Everything the admin area says, as the hall's staff say it. English labels double as the
// fields' accessible names in English.

/** A left-to-right value (a path, an address) inside Arabic prose, isolated as <bdi dir="ltr"> would: «/dev/usb/lp0», never «dev/usb/lp0/». */
const ltr = (value: string) => `\u2066${value}\u2069`;

export const T = {
  // sections
  admin: { ar: 'الإدارة', en: 'Administration' },
  sections: { ar: 'أقسام الإدارة', en: 'Administration sections' },
  hall: { ar: 'الصالة', en: 'Hall' },
  services: { ar: 'الخدمات', en: 'Services' },
  closures: { ar: 'أيام الإغلاق', en: 'Closure days' },
  counters: { ar: 'الشبابيك', en: 'Counters' },
  users: { ar: 'المستخدمون', en: 'Users' },
  devices: { ar: 'الأجهزة', en: 'Devices' },
  printers: { ar: 'الطابعات', en: 'Printers' },
  displays: { ar: 'الشاشات والصوت', en: 'Displays & voice' },
  audit: { ar: 'سجل العمليات', en: 'Audit log' },

  // common
  save: { ar: 'حفظ', en: 'Save' },
  saving: { ar: 'جارٍ الحفظ…', en: 'Saving…' },
  saved: { ar: 'تم الحفظ', en: 'Saved' },
  cancel: { ar: 'إلغاء', en: 'Cancel' },
  edit: { ar: 'تعديل', en: 'Edit' },
  add: { ar: 'إضافة', en: 'Add' },
  close: { ar: 'إغلاق', en: 'Close' },
  remove: { ar: 'حذف', en: 'Remove' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  retry: { ar: 'إعادة المحاولة', en: 'Try again' },
  active: { ar: 'فعّال', en: 'Active' },
  inactive: { ar: 'موقوف', en: 'Inactive' },
  status: { ar: 'الحالة', en: 'Status' },
  actions: { ar: 'إجراءات', en: 'Actions' },
  yes: { ar: 'نعم', en: 'Yes' },
  no: { ar: 'لا', en: 'No' },
  none: { ar: 'لا يوجد', en: 'None' },
  fixErrors: { ar: 'يرجى تصحيح الحقول المشار إليها.', en: 'Please correct the fields marked below.' },
  offline: { ar: 'تعذّر الاتصال بالخادم. تحقّق من الشبكة وأعد المحاولة.', en: 'The server cannot be reached. Check the network and try again.' },
  nameAr: { ar: 'الاسم بالعربية', en: 'Name (Arabic)' },
  nameEn: { ar: 'الاسم بالإنكليزية', en: 'Name (English)' },
  nameFr: { ar: 'الاسم بالفرنسية (اختياري)', en: 'Name (French, optional)' },
  name: { ar: 'الاسم', en: 'Name' },
  zone: { ar: 'المنطقة', en: 'Zone' },
  zoneHint: { ar: 'مثل A أو الطابق الأول. اتركها فارغة إن كانت الصالة منطقة واحدة.', en: 'For example A or First floor. Leave it empty if the hall is one zone.' },
  moveUp: { ar: 'تحريك للأعلى', en: 'Move up' },
  moveDown: { ar: 'تحريك للأسفل', en: 'Move down' },

  // hall
  general: { ar: 'معلومات عامة', en: 'General' },
  hallNameAr: { ar: 'اسم الصالة بالعربية', en: 'Hall name (Arabic)' },
  hallNameEn: { ar: 'اسم الصالة بالإنكليزية', en: 'Hall name (English)' },
  hallNameFr: { ar: 'اسم الصالة بالفرنسية (اختياري)', en: 'Hall name (French, optional)' },
  timeZone: { ar: 'المنطقة الزمنية', en: 'Time zone' },
  timeZoneHint: { ar: `مثل ${ltr('Asia/Damascus')}`, en: 'For example Asia/Damascus' },
  digits: { ar: 'شكل الأرقام', en: 'Digits' },
  digitsArab: { ar: 'أرقام عربية مشرقية (١٢٣)', en: 'Arabic-Indic (١٢٣)' },
  digitsLatn: { ar: 'أرقام لاتينية (123)', en: 'Latin (123)' },
  languages: { ar: 'لغات الواجهة', en: 'Languages' },
  arabic: { ar: 'العربية', en: 'Arabic' },
  english: { ar: 'الإنكليزية', en: 'English' },
  french: { ar: 'الفرنسية', en: 'French' },
  footerAr: { ar: 'تذييل البطاقة بالعربية', en: 'Ticket footer (Arabic)' },
  footerEn: { ar: 'تذييل البطاقة بالإنكليزية', en: 'Ticket footer (English)' },
  footerFr: { ar: 'تذييل البطاقة بالفرنسية (اختياري)', en: 'Ticket footer (French, optional)' },
  printWhatToBring: { ar: 'طباعة الأوراق المطلوبة للخدمة على البطاقة', en: "Print the service's papers to bring on the ticket" },
  openingHours: { ar: 'أوقات الدوام', en: 'Opening hours' },
  openingHoursHint: {
    ar: 'لكل يوم فترة أو أكثر. اليوم الذي لا فترات له يوم عطلة.',
    en: 'One or more periods a day. A day without periods is closed.',
  },
  closedDay: { ar: 'عطلة', en: 'Closed' },
  opens: { ar: 'من', en: 'Opens' },
  closes: { ar: 'إلى', en: 'Closes' },
  addPeriod: { ar: 'إضافة فترة', en: 'Add period' },
  removePeriod: { ar: 'حذف الفترة', en: 'Remove period' },
  policies: { ar: 'سياسات الدور', en: 'Queue policies' },
  routingPolicy: { ar: 'طريقة اختيار الدور التالي', en: 'Routing policy' },
  policy_default: { ar: 'متوازنة: تحافظ على مدة الانتظار المستهدفة لكل خدمة', en: "Balanced: keeps each service's target wait" },
  'policy_oldest-first': { ar: 'الأقدم أولاً', en: 'Oldest first' },
  'policy_service-order': { ar: 'حسب ترتيب خدمات الشباك', en: "By the counter's service order" },
  policy_novosga: { ar: 'ترتيب خدمات الشباك قبل الأولوية (NovoSGA)', en: "Counter's service order before priority (NovoSGA)" },
  maxPriorityInRow: { ar: 'أقصى عدد لأدوار الأولوية المتتالية', en: 'Priority tickets in a row (max)' },
  allowCallSpecific: { ar: 'السماح للموظف باستدعاء دور محدد', en: 'Clerks may call a specific ticket' },
  autoNoShow: { ar: 'اعتبار المراجع غائباً بعد عدد من النداءات', en: 'Mark as no-show after recalls' },
  autoNoShowAfter: { ar: 'عدد النداءات قبل اعتباره غائباً', en: 'Recalls before no-show' },
  noShowMinSeconds: { ar: 'مهلة تأكيد «لم يحضر» بعد النداء (ثانية)', en: 'Confirm no-shows sooner than (seconds after the call)' },
  noShowMinSecondsHint: {
    ar: 'قبل انقضاء هذه المدة على النداء، ومن غير إعادة نداء، يُطلب من الموظف تأكيد «لم يحضر». صفر: لا يُطلب التأكيد أبداً.',
    en: 'Sooner than this after the call, and before any recall, the clerk must confirm a no-show. 0: never asks.',
  },
  carryOverWaiting: { ar: 'ترحيل الأدوار المنتظرة إلى اليوم التالي', en: 'Carry waiting tickets over to the next day' },
  enforceHours: { ar: 'عدم إصدار أدوار خارج أوقات الدوام', en: 'Refuse tickets outside opening hours' },
  kioskReturnSeconds: { ar: 'مدة عرض البطاقة على جهاز الدور (ثانية)', en: 'Kiosk ticket screen (seconds)' },
  alertQueueLength: { ar: 'تنبيه المشرف عند بلوغ طابور الخدمة', en: 'Alert supervisors at queue length' },
  phones: { ar: 'الهاتف والإشعارات', en: 'Phones and notifications' },
  publicUrl: { ar: 'عنوان الوصول العام للنظام', en: 'Public address of the system' },
  publicUrlHint: {
    ar: `العنوان المطبوع في رمز QR على البطاقة، مثل ${ltr('https://dor.example.sy')}. اتركه فارغاً لاستخدام عنوان هذا الخادم على شبكة الصالة.`,
    en: "The address printed in the ticket's QR code, e.g. https://queue.example.org. Leave it empty to use this server's address on the hall network.",
  },
  remoteJoin: { ar: 'أخذ الدور عن بُعد', en: 'Take a ticket remotely (by phone)' },
  dailyCapPerService: { ar: 'الحد اليومي لكل خدمة', en: 'Daily limit per service' },
  notify: { ar: 'إشعار عبر خدمة الرسائل (Webhook)', en: 'Notify through a messaging service (Webhook)' },
  webhookUrl: { ar: 'رابط الخدمة', en: 'Webhook URL' },
  notifyPosition: { ar: 'الترتيب الذي يُرسَل عنده الإشعار', en: 'Send the notice at this place in line' },
  notifyPositionHint: { ar: '١ تعني أن المراجع هو التالي.', en: '1 means the citizen is next.' },
  privacy: { ar: 'الخصوصية', en: 'Privacy' },
  retentionDays: { ar: 'مدة الاحتفاظ بالملاحظات والتعليقات (بالأيام)', en: 'Keep notes and comments for (days)' },
  retentionDaysHint: {
    ar: 'بعدها تُحذف الملاحظات والتعليقات وأرقام الهواتف وتبقى الإحصاءات. اتركه فارغاً للاحتفاظ بها دائماً.',
    en: 'After that, notes, comments and phone numbers are deleted; the figures stay. Leave it empty to keep them.',
  },
  appointmentsSection: { ar: 'المواعيد', en: 'Appointments' },
  checkInEarlyMinutes: { ar: 'يبدأ تأكيد الحضور قبل الموعد بـ (دقيقة)', en: 'Check-in opens before the slot (minutes)' },
  checkInLateMinutes: { ar: 'ينتهي تأكيد الحضور بعد الموعد بـ (دقيقة)', en: 'Check-in closes after the slot (minutes)' },
  checkInLateMinutesHint: {
    ar: 'بعدها يُعدّ صاحب الموعد غائباً، ويُتاح مكانه لغيره.',
    en: 'After that the booking is a no-show and its place is free again.',
  },
  minLeadMinutes: { ar: 'أقل مهلة بين الحجز والموعد (دقيقة)', en: 'Book at least this long ahead (minutes)' },
  windowDays: { ar: 'أقصى مدة للحجز مسبقاً (يوم)', en: 'Book at most this far ahead (days)' },
  bookablePercent: { ar: 'أقصى نسبة من وقت الشبابيك تُحجز مواعيدَ (٪)', en: "Most of the counters' time bookable (%)" },
  bookablePercentHint: {
    ar: 'في كل ساعة ولكل خدمة؛ يبقى الباقي للمراجعين دون موعد.',
    en: 'In any hour, for each service; the rest stays for walk-ins.',
  },
  appointmentEveryK: { ar: 'نداء موعد واحد كل كم نداء عند تأخر المراجعين دون موعد', en: 'One appointment in how many calls while walk-ins are late' },
  appointmentEveryKHint: {
    ar: 'ما دام انتظار المراجعين دون موعد قد تجاوز المدة المستهدفة للخدمة، لا يُنادي الشباك أكثر من موعد واحد في هذا العدد من النداءات. ١: بلا قيد.',
    en: "While walk-ins wait past their service's target, a counter calls at most one appointment in this many calls. 1: no limit.",
  },
  httpUrl: {
    ar: `أدخل عنواناً كاملاً يبدأ بـ ${ltr('http://')} أو ${ltr('https://')}`,
    en: 'Enter a full address starting with http:// or https://',
  },

  // closures
  newClosure: { ar: 'إغلاق المركز يوماً', en: 'Close the centre for a day' },
  closeDay: { ar: 'إغلاق هذا اليوم', en: 'Close this day' },
  closureDate: { ar: 'اليوم', en: 'Day' },
  closureDateHint: {
    ar: 'لا تُصدر فيه أدوار ولا تُحجز مواعيد. تُلغى مواعيده المحجوزة، ويُبلَّغ برسالة من ترك رقم هاتفه.',
    en: 'No tickets and no bookings that day. Its bookings are cancelled; those who left a number get a message.',
  },
  closureReason: { ar: 'السبب', en: 'Reason' },
  closureReasonAr: { ar: 'السبب بالعربية', en: 'Reason (Arabic)' },
  closureReasonEn: { ar: 'السبب بالإنكليزية', en: 'Reason (English)' },
  closurePast: { ar: 'هذا اليوم مضى. اختر اليوم أو يوماً قادماً.', en: 'This day is past: choose today or a day to come.' },
  closureTwice: { ar: 'هذا اليوم مغلق من قبل.', en: 'This day is closed already.' },
  noClosures: { ar: 'لا أيام إغلاق قادمة.', en: 'No closure days to come.' },
  reopen: { ar: 'إلغاء الإغلاق', en: 'Reopen' },

  // services
  newService: { ar: 'خدمة جديدة', en: 'New service' },
  editService: { ar: 'تعديل الخدمة', en: 'Edit service' },
  serviceCode: { ar: 'رمز الخدمة', en: 'Service code' },
  serviceCodeHint: { ar: 'من حرف إلى ثلاثة أحرف لاتينية كبيرة، يُطبع قبل رقم الدور (مثل B007).', en: '1 to 3 capital Latin letters, printed before the ticket number (e.g. B007).' },
  code: { ar: 'الرمز', en: 'Code' },
  targetWait: { ar: 'مدة الانتظار المستهدفة (دقيقة)', en: 'Target wait (minutes)' },
  averageDuration: { ar: 'متوسط مدة المعاملة (دقيقة)', en: 'Average duration (minutes)' },
  dailyLimit: { ar: 'الحد اليومي للأدوار', en: 'Daily limit' },
  dailyLimitHint: { ar: 'اتركه فارغاً إن لم يكن هناك حد.', en: 'Leave empty for no limit.' },
  serviceHours: { ar: 'أوقات الخدمة', en: 'Service hours' },
  hallHours: { ar: 'أوقات دوام الصالة', en: "The hall's hours" },
  ownHours: { ar: 'أوقات خاصة بهذه الخدمة', en: 'Its own hours' },
  takesAppointments: { ar: 'تقبل الحجز المسبق (مواعيد)', en: 'Takes appointments' },
  slotMinutes: { ar: 'مدة الموعد (دقيقة)', en: 'Slot length (minutes)' },
  slotMinutesHint: { ar: 'اتركه فارغاً ليساوي متوسط مدة المعاملة.', en: "Leave empty for the service's average duration." },
  perSlot: { ar: 'عدد المواطنين في كل موعد', en: 'Citizens per slot' },
  perSlotHint: { ar: 'اتركه فارغاً ليساوي عدد الشبابيك التي تقدّم هذه الخدمة.', en: 'Leave empty for the number of counters serving this service.' },
  bookableHours: { ar: 'أوقات الحجز', en: 'Bookable hours' },
  serviceOwnHours: { ar: 'أوقات الخدمة نفسها', en: "The service's hours" },
  bookableOwnHours: { ar: 'أوقات خاصة بالحجز', en: 'Hours of their own' },
  category: { ar: 'التصنيف', en: 'Category' },
  categoryAr: { ar: 'التصنيف بالعربية', en: 'Category (Arabic)' },
  categoryEn: { ar: 'التصنيف بالإنكليزية', en: 'Category (English)' },
  categoryHint: { ar: 'عنوان يجمع الخدمات على جهاز الدور. اختياري.', en: 'A heading that groups services on the kiosk. Optional.' },
  bringAr: { ar: 'الأوراق المطلوبة بالعربية', en: 'What to bring (Arabic)' },
  bringEn: { ar: 'الأوراق المطلوبة بالإنكليزية', en: 'What to bring (English)' },
  bringHint: { ar: 'بند واحد في كل سطر، عشرة بنود على الأكثر.', en: 'One item per line, at most ten.' },
  serviceActive: { ar: 'الخدمة فعّالة وتظهر على جهاز الدور', en: 'Active (shown on the kiosk)' },
  waitingNow: { ar: 'المنتظرون الآن', en: 'Waiting now' },
  minutesShort: { ar: 'د', en: 'min' },
  noServices: { ar: 'لا توجد خدمات بعد.', en: 'No services yet.' },

  // counters
  newCounter: { ar: 'شباك جديد', en: 'New counter' },
  editCounter: { ar: 'تعديل الشباك', en: 'Edit counter' },
  counterNumber: { ar: 'رقم الشباك', en: 'Counter number' },
  counterName: { ar: 'اسم الشباك', en: 'Counter name' },
  counterNameHint: { ar: 'اختياري، مثل «شباك الرخص».', en: 'Optional, e.g. "Permits desk".' },
  counterServices: { ar: 'خدمات الشباك حسب الأولوية', en: 'Services in order of preference' },
  counterServicesHint: { ar: 'يُخدم الأول قبل غيره.', en: 'The first is served first.' },
  addServiceToCounter: { ar: 'إضافة خدمة إلى الشباك', en: 'Add a service to the counter' },
  counterQualified: { ar: 'الخدمات التي يُحسنها موظف الشباك', en: "Services the counter's clerk is qualified for" },
  counterQualifiedHint: {
    ar: 'تشمل خدماته الحالية دائماً. لا يقترح مساعد التوزيع على الشباك خدمةً خارجها.',
    en: 'Always includes its current services. The staffing advisor never suggests a service outside them.',
  },
  chooseService: { ar: 'اختر خدمة…', en: 'Choose a service…' },
  counterActive: { ar: 'الشباك في الخدمة', en: 'Active (in service)' },
  state_open: { ar: 'مفتوح', en: 'Open' },
  state_closed: { ar: 'مغلق', en: 'Closed' },
  state_paused: { ar: 'متوقف مؤقتاً', en: 'Paused' },

  // users
  newUser: { ar: 'مستخدم جديد', en: 'New user' },
  username: { ar: 'اسم المستخدم', en: 'Username' },
  usernameHint: { ar: 'أحرف لاتينية صغيرة وأرقام والنقطة والشرطة.', en: 'Small Latin letters, digits, dot, underscore and hyphen.' },
  displayName: { ar: 'الاسم الظاهر', en: 'Display name' },
  role: { ar: 'الصلاحية', en: 'Role' },
  role_clerk: { ar: 'موظف شباك', en: 'Clerk' },
  role_supervisor: { ar: 'مشرف', en: 'Supervisor' },
  role_admin: { ar: 'مدير النظام', en: 'Administrator' },
  password: { ar: 'كلمة المرور', en: 'Password' },
  newPassword: { ar: 'كلمة المرور الجديدة', en: 'New password' },
  passwordHint: {
    ar: '١٠ أحرف على الأقل، على ألّا تكون كلمة مرور شائعة أو حرفاً واحداً مكرراً أو اسم المستخدم نفسه.',
    en: 'At least 10 characters; not a common password, one character repeated, or the username.',
  },
  resetPassword: { ar: 'تعيين كلمة مرور جديدة', en: 'Reset password' },
  passwordReset: { ar: 'تم تغيير كلمة المرور، وخرج المستخدم من أجهزته الأخرى.', en: 'Password changed; the user was logged out elsewhere.' },
  userActive: { ar: 'الحساب فعّال (أزل الإشارة لإيقاف الحساب)', en: 'Active (untick to deactivate)' },
  editUser: { ar: 'تعديل المستخدم', en: 'Edit user' },

  // devices
  newDevice: { ar: 'جهاز جديد', en: 'New device' },
  kind: { ar: 'النوع', en: 'Kind' },
  kind_kiosk: { ar: 'جهاز إصدار الدور', en: 'Kiosk' },
  kind_display: { ar: 'شاشة عرض', en: 'Display' },
  kind_printer: { ar: 'برنامج الطابعة', en: 'Printer agent' },
  deviceName: { ar: 'اسم الجهاز', en: 'Device name' },
  lastSeen: { ar: 'آخر اتصال', en: 'Last seen' },
  never: { ar: 'لم يتصل بعد', en: 'Never' },
  revoke: { ar: 'إلغاء الربط', en: 'Revoke' },
  revoked: { ar: 'ملغى', en: 'Revoked' },
  revokeConfirm: { ar: 'سيتوقف هذا الجهاز عن العمل فوراً. هل أنت متأكد؟', en: 'This device will stop working at once. Are you sure?' },
  tokenOnce: {
    ar: 'هذا رمز الربط، ولن يظهر مرة أخرى. انسخه الآن أو افتح عنوان الربط على الجهاز نفسه.',
    en: 'This is the pairing token. It will not be shown again: copy it now, or open the pairing address on the device itself.',
  },
  token: { ar: 'رمز الربط', en: 'Token' },
  pairingUrl: { ar: 'عنوان الربط', en: 'Pairing address' },
  agentCommand: { ar: 'أمر تشغيل برنامج الطابعة', en: 'Print agent command' },
  copy: { ar: 'نسخ', en: 'Copy' },
  copied: { ar: 'تم النسخ', en: 'Copied' },
  pressCtrlC: { ar: 'النص محدَّد: اضغط Ctrl+C لنسخه.', en: 'The text is selected: press Ctrl+C to copy it.' },
  editDevice: { ar: 'تعديل الجهاز', en: 'Edit device' },
  displayPlace: { ar: 'مكان الشاشة', en: 'Where the screen hangs' },
  hallScreen: { ar: 'شاشة الصالة (كل النداءات)', en: 'Hall display (every call)' },
  aboveCounter: { ar: 'فوق الشباك', en: 'Above counter' },

  // printers
  newPrinter: { ar: 'طابعة جديدة', en: 'New printer' },
  editPrinter: { ar: 'تعديل الطابعة', en: 'Edit printer' },
  printerName: { ar: 'اسم الطابعة', en: 'Printer name' },
  target: { ar: 'عنوان الطابعة', en: 'Target' },
  targetHint: {
    ar: `لطابعة شبكية: ${ltr('tcp://')} ثم عنوانها ومنفذها، مثل ${ltr('tcp://192.168.1.50:9100')}؛ أو مسار جهاز مثل ${ltr('/dev/usb/lp0')}؛ أو ${ltr('agent:')} ثم رقم جهاز برنامج الطابعة.`,
    en: 'tcp://host:port for a network printer, a device path such as /dev/usb/lp0, or agent:<device id> for a print agent.',
  },
  width: { ar: 'عرض الورق', en: 'Paper width' },
  width58: { ar: '٥٨ ملم', en: '58 mm' },
  width80: { ar: '٨٠ ملم', en: '80 mm' },
  kiosk: { ar: 'جهاز الدور المرتبط', en: 'Kiosk' },
  noKiosk: { ar: 'غير مرتبطة', en: 'Not bound' },
  printerActive: { ar: 'الطابعة فعّالة', en: 'Active' },
  testPrint: { ar: 'طباعة تجريبية', en: 'Test print' },
  testSent: { ar: 'أُرسلت الطباعة التجريبية.', en: 'Test print sent.' },
  testUnavailable: { ar: 'الطباعة التجريبية غير متاحة على هذا الخادم.', en: 'Test print is not available on this server.' },
  pstatus_unknown: { ar: 'غير معروفة', en: 'Unknown' },
  pstatus_online: { ar: 'تعمل', en: 'Online' },
  pstatus_offline: { ar: 'لا تستجيب', en: 'Offline' },
  pstatus_paper_out: { ar: 'نفد الورق', en: 'Out of paper' },

  // displays
  displaySettings: { ar: 'إعدادات الشاشات', en: 'Display settings' },
  recentCalls: { ar: 'عدد النداءات السابقة المعروضة', en: 'Recent calls shown' },
  chime: { ar: 'تنبيه صوتي قبل النداء', en: 'Chime before a call' },
  announceAr: { ar: 'النداء بالعربية', en: 'Announce in Arabic' },
  announceEn: { ar: 'النداء بالإنكليزية', en: 'Announce in English' },
  voice: { ar: 'صوت النداء', en: 'Voice' },
  voiceClips: { ar: 'تسجيلات صوتية جاهزة', en: 'Recorded clips' },
  voiceSpeech: { ar: 'صوت المتصفح', en: "The browser's speech" },
  ticker: { ar: 'الشريط الإخباري', en: 'News ticker' },
  tickerOn: { ar: 'إظهار الشريط الإخباري', en: 'Show a news ticker' },
  tickerAr: { ar: 'نص الشريط بالعربية', en: 'Ticker (Arabic)' },
  tickerEn: { ar: 'نص الشريط بالإنكليزية', en: 'Ticker (English)' },
  media: { ar: 'الصور والفيديو', en: 'Pictures and videos' },
  mediaHint: { ar: 'تظهر على شاشات العرض بالتناوب. صور أو فيديو حتى ٢٠٠ ميغابايت.', en: 'Shown in turn on the displays. Images or videos up to 200 MB.' },
  upload: { ar: 'رفع ملف', en: 'Upload a file' },
  uploading: { ar: 'جارٍ الرفع…', en: 'Uploading…' },
  noMedia: { ar: 'لا توجد ملفات بعد.', en: 'No files yet.' },
  fileName: { ar: 'اسم الملف', en: 'File name' },
  size: { ar: 'الحجم', en: 'Size' },
  deleteConfirm: { ar: 'هل تريد حذف هذا الملف؟', en: 'Delete this file?' },

  // audit
  from: { ar: 'من تاريخ', en: 'From' },
  to: { ar: 'إلى تاريخ', en: 'To' },
  source: { ar: 'المصدر', en: 'Source' },
  allSources: { ar: 'الكل', en: 'All' },
  source_admin: { ar: 'تعديلات الإدارة', en: 'Admin changes' },
  source_ticket: { ar: 'الأدوار', en: 'Tickets' },
  user: { ar: 'المستخدم', en: 'User' },
  anyone: { ar: 'الجميع', en: 'Anyone' },
  filter: { ar: 'عرض', en: 'Show' },
  when: { ar: 'الوقت', en: 'When' },
  who: { ar: 'من', en: 'Who' },
  what: { ar: 'العملية', en: 'What' },
  detailsCol: { ar: 'التفاصيل', en: 'Details' },
  loadMore: { ar: 'عرض المزيد', en: 'Load more' },
  noEntries: { ar: 'لا توجد عمليات في هذه الفترة.', en: 'Nothing in this period.' },
  counterN: { ar: 'الشباك', en: 'Counter' },
} as const;

export type TextKey = keyof typeof T;

/** What each audit action is called. */
export const ACTIONS: Record<string, { ar: string; en: string }> = {
  create: { ar: 'أضاف', en: 'created' },
  update: { ar: 'عدّل', en: 'changed' },
  revoke: { ar: 'ألغى ربط', en: 'revoked' },
  upload: { ar: 'رفع', en: 'uploaded' },
  delete: { ar: 'حذف', en: 'deleted' },
  test_print: { ar: 'طبع تجريبياً على', en: 'test-printed on' },
  issue: { ar: 'إصدار دور', en: 'Ticket issued' },
  call: { ar: 'نداء', en: 'Called' },
  recall: { ar: 'إعادة نداء', en: 'Called again' },
  start: { ar: 'بدء المعاملة', en: 'Service started' },
  complete: { ar: 'إنهاء المعاملة', en: 'Completed' },
  no_show: { ar: 'لم يحضر', en: 'No-show' },
  transfer: { ar: 'تحويل', en: 'Transferred' },
  requeue: { ar: 'إعادة إلى الانتظار', en: 'Back to waiting' },
  move: { ar: 'نقل', en: 'Moved' },
  cancel: { ar: 'إلغاء', en: 'Cancelled' },
};

export const ENTITIES: Record<string, { ar: string; en: string }> = {
  hall: { ar: 'إعدادات الصالة', en: 'the hall settings' },
  service: { ar: 'الخدمة', en: 'service' },
  counter: { ar: 'الشباك', en: 'counter' },
  user: { ar: 'المستخدم', en: 'user' },
  device: { ar: 'الجهاز', en: 'device' },
  printer: { ar: 'الطابعة', en: 'printer' },
  media: { ar: 'الملف', en: 'file' },
  closure: { ar: 'إغلاق يوم', en: 'closure of' },
};

/** What the fields an admin change records are called; the form's label where it has one. */
const FIELDS: Record<string, { ar: string; en: string }> = {
  ...Object.fromEntries(
    (
      ['routingPolicy', 'maxPriorityInRow', 'allowCallSpecific', 'noShowMinSeconds', 'carryOverWaiting', 'enforceHours', 'kioskReturnSeconds', 'alertQueueLength', 'digits', 'languages', 'printWhatToBring', 'publicUrl', 'remoteJoin', 'notify', 'retentionDays', 'name', 'timeZone', 'openingHours', 'code', 'kind', 'zone', 'role', 'displayName', 'active', 'size', 'target', 'dailyLimit', 'category', 'username'] as const
    ).map((key) => [key, T[key]]),
  ),
  autoNoShowAfterRecalls: T.autoNoShow,
  display: T.displaySettings,
  ticketFooter: { ar: 'تذييل البطاقة', en: 'Ticket footer' },
  hours: T.openingHours,
  // A service's appointment settings and the hall's alike.
  appointments: { ar: 'إعدادات المواعيد', en: 'Appointment settings' },
  whatToBring: { ar: 'الأوراق المطلوبة', en: 'What to bring' },
  reason: T.closureReason,
  targetWaitMinutes: T.targetWait,
  averageServiceMinutes: T.averageDuration,
  sortOrder: { ar: 'الترتيب', en: 'Order' },
  number: T.counterNumber,
  serviceIds: T.services,
  qualifiedServiceIds: T.counterQualified,
  widthDots: T.width,
  kioskId: T.kiosk,
  passwordReset: { ar: 'تغيير كلمة المرور', en: 'Password reset' },
  replaced: { ar: 'استبدال ملف سابق', en: 'Replaced a file' },
  jobId: { ar: 'رقم مهمة الطباعة', en: 'Print job' },
  hijriCalendar: { ar: 'التقويم الهجري', en: 'Hijri calendar' },
  suggestOtherCentres: { ar: 'اقتراح مركز انتظاره أقصر', en: 'Suggest a centre with a shorter wait' },
};
const OTHER_FIELD = { ar: 'حقل آخر', en: 'Other field' };

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const isBilingual = (v: object): v is { ar: string; en: string } => 'ar' in v && 'en' in v;

/** The words of a choice, as the form offers it: a role, a kind of device, a policy, digits, a language. */
const CHOICES: Record<string, (v: string) => string> = {
  role: (v) => `role_${v}`,
  kind: (v) => `kind_${v}`,
  routingPolicy: (v) => `policy_${v}`,
  digits: (v) => (v === 'latn' ? 'digitsLatn' : 'digitsArab'),
  languages: (v) => ({ ar: 'arabic', en: 'english', fr: 'french' })[v] ?? v,
};

/** A field's value in the user's words; null for a structure (hours, a group of settings): its name says enough. */
function valueText(field: string, v: unknown, lang: StaffLang, digits: Digits): string | null {
  if (typeof v === 'number') return formatNumber(v, lang, digits);
  if (typeof v === 'boolean') return T[v ? 'yes' : 'no'][lang];
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? short(v.map((x) => valueText(field, x, lang, digits)).join(lang === 'ar' ? '، ' : ', ')) : null;
  if (typeof v === 'object' && v !== null) return isBilingual(v) ? short(v[lang]) : null;
  const choice = CHOICES[field]?.(String(v));
  return choice && choice in T ? T[choice as TextKey][lang] : short(String(v));
}

/**
 * An admin change's details as «الاسم: …» in the user's language and the hall's digits, never the
 * server's field names; the hall's settings are listed one by one.
 */
export function changeDetails(details: Record<string, unknown> | null, lang: StaffLang, digits: Digits): string {
  const { settings, ...rest } = details ?? {};
  const fields = { ...rest, ...(typeof settings === 'object' ? settings : {}) };
  return Object.entries(fields)
    .filter(([k, v]) => k !== 'label' && v !== null && v !== undefined)
    .map(([k, v]) => {
      const name = (FIELDS[k] ?? OTHER_FIELD)[lang];
      const value = valueText(k, v, lang, digits);
      return value === null ? name : `${name}: ${value}`;
    })
    .join(' · ');
}

/** A field's own words for some problems, e.g. the service code's format. */
export type Hints = Partial<Record<string, { ar: string; en: string }>>;

/** «عنصراً واحداً», «عنصرين», «٣ عناصر»: what a list must hold, as the object of «اختر». */
const items = (n: number, digits: Digits) =>
  arabicCount(n, digits, { one: 'عنصراً واحداً', two: 'عنصرين', few: 'عناصر', many: 'عنصراً', other: 'عنصر' });

/** A field's problem in the current language; the bound in the hall's digits. */
export function issueText(issue: FieldIssue, lang: StaffLang, digits: Digits, hints: Hints = {}): string {
  const own = hints[issue.code];
  if (own) return own[lang];
  const n = issue.limit === undefined ? '' : formatNumber(issue.limit, lang, digits);
  const ar = lang === 'ar';
  switch (issue.code) {
    case 'required':
      return ar ? 'هذا الحقل مطلوب.' : 'This field is required.';
    case 'too_short':
      return ar ? `عدد الأحرف يجب ألا يقل عن ${n}.` : `Use at least ${n} characters.`;
    case 'too_long':
      return ar ? `عدد الأحرف يجب ألا يزيد على ${n}.` : `Use at most ${n} characters.`;
    case 'too_small':
      return ar ? `القيمة يجب ألا تقل عن ${n}.` : `Must be at least ${n}.`;
    case 'too_big':
      return ar ? `القيمة يجب ألا تزيد على ${n}.` : `Must be at most ${n}.`;
    case 'too_few':
      return ar ? `اختر ${items(issue.limit ?? 1, digits)} على الأقل.` : `Choose at least ${issue.limit === 1 ? 'one' : n}.`;
    case 'too_many':
      return ar ? `العدد الأقصى ${n}.` : `At most ${n}.`;
    case 'not_integer':
      return ar ? 'أدخل عدداً صحيحاً.' : 'Enter a whole number.';
    case 'invalid_type':
      return ar ? 'القيمة غير صالحة.' : 'Enter a valid value.';
    case 'invalid_format':
      return ar ? 'الصيغة غير صحيحة.' : 'The format is not valid.';
    case 'invalid_value':
      return ar ? 'اختر أحد الخيارات المتاحة.' : 'Choose one of the options.';
    case 'duplicate':
      return ar ? 'هذه القيمة مستخدمة من قبل.' : 'This value is already used.';
    case 'repeated':
      return ar ? 'لا تكرّر العنصر نفسه.' : 'Do not list the same item twice.';
    case 'unknown_time_zone':
      return ar ? `منطقة زمنية غير معروفة. مثال صحيح: ${ltr('Asia/Damascus')}` : 'Unknown time zone. A valid example: Asia/Damascus';
    case 'overlap':
      return ar ? 'هذه الفترة تتداخل مع الفترة التي قبلها.' : 'This period overlaps the one before it.';
    case 'open_after_close':
      return ar ? 'وقت البداية يجب أن يسبق وقت النهاية.' : 'The opening time must come before the closing time.';
    case 'both_or_none':
      return ar ? 'اكتب التصنيف باللغتين أو اترك الحقلين فارغين.' : 'Fill in both languages, or leave both empty.';
    case 'last_admin':
      return ar ? 'يجب أن يبقى في الصالة مدير نظام واحد فعّال على الأقل.' : 'The hall must keep at least one active admin.';
    case 'printer_target':
      return ar
        ? `عنوان غير صالح: استخدم ${ltr('tcp://')} ثم عنوان الطابعة ومنفذها، أو مساراً مثل ${ltr('/dev/usb/lp0')}، أو ${ltr('agent:')} ثم رقم جهاز برنامج الطابعة.`
        : 'Not a valid target: use tcp://host:port, a path such as /dev/usb/lp0, or agent:<printer agent device id>.';
    case 'common_password':
      return ar ? 'كلمة المرور هذه من أكثر كلمات المرور شيوعاً، فاختر غيرها.' : 'This is one of the most common passwords; choose another.';
    case 'one_character':
      return ar ? 'لا يجوز أن تكون كلمة المرور حرفاً واحداً مكرراً.' : 'A password cannot be one character repeated.';
    case 'same_as_username':
      return ar ? 'لا يجوز أن تكون كلمة المرور هي اسم المستخدم.' : 'The password cannot be the username.';
    case 'not_kiosk':
      return ar ? 'اختر جهاز إصدار دور.' : 'Choose a kiosk.';
    case 'file_name':
    case 'media_extension':
      return ar ? 'اسم الملف غير مقبول.' : 'This file name is not accepted.';
    case 'media_type':
      return ar ? 'نوع الملف غير مقبول: صور أو فيديو فقط.' : 'This kind of file is not accepted: images or videos only.';
    case 'local_address':
      return ar ? 'هذا العنوان داخل شبكة الخادم نفسه، فلا يُقبل.' : 'This address is on the server\'s own network: it is not accepted.';
    case 'ill_formed_text':
      return ar ? 'في النص رموز غير صالحة. اكتبه من جديد.' : 'The text has invalid characters. Type it again.';
    default:
      return ar ? 'القيمة غير صالحة.' : 'Enter a valid value.';
  }
}
