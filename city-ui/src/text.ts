import type { StaffLang } from '../../ui-kit/i18n.js';

// What the city's screens say, in the council's formal Arabic and in English. Log-in, language,
// roles and the admin forms' common words come from the staff app (clerk-ui).

export const T = {
  cityName: { ar: 'مراكز خدمة المواطن في المدينة', en: "The city's citizen-service halls" },
  // sections
  board: { ar: 'لوحة المراكز', en: 'Board' },
  reports: { ar: 'التقارير', en: 'Reports' },
  halls: { ar: 'المراكز', en: 'Halls' },
  catalogue: { ar: 'دليل الخدمات', en: 'Service catalogue' },
  users: { ar: 'المستخدمون', en: 'Users' },
  // the board
  boardTitle: { ar: 'لوحة المراكز', en: 'City board' },
  hall: { ar: 'المركز', en: 'Hall' },
  waiting: { ar: 'المنتظرون', en: 'Waiting' },
  longestWait: { ar: 'أطول انتظار / الهدف', en: 'Longest wait / target' },
  countersOpen: { ar: 'الشبابيك المفتوحة', en: 'Counters open' },
  issuedToday: { ar: 'الأدوار الصادرة اليوم', en: 'Issued today' },
  servedToday: { ar: 'المخدومون اليوم', en: 'Served today' },
  lastHeard: { ar: 'آخر اتصال', en: 'Last heard' },
  inContact: { ar: 'المراكز المتصلة', en: 'In contact' },
  outOfContact: { ar: 'المراكز المنقطعة عن الاتصال', en: 'Out of contact' },
  overTarget: { ar: 'تجاوز الهدف', en: 'Over target' },
  neverHeard: { ar: 'لم يتصل بعد', en: 'Not heard from yet' },
  noHalls: {
    ar: 'لا توجد مراكز بعد. يضيفها مدير النظام من قسم «المراكز».',
    en: 'There are no halls yet. An administrator adds them under Halls.',
  },
  // halls
  newHall: { ar: 'مركز جديد', en: 'New hall' },
  hallNameAr: { ar: 'اسم المركز بالعربية', en: 'Hall name (Arabic)' },
  hallNameEn: { ar: 'اسم المركز بالإنكليزية', en: 'Hall name (English)' },
  timeZone: { ar: 'المنطقة الزمنية', en: 'Time zone' },
  configVersion: { ar: 'إصدار الدليل المطبَّق', en: 'Catalogue version applied' },
  ackedSeq: { ar: 'الأحداث المستلَمة', en: 'Events received' },
  rename: { ar: 'تعديل الاسم', en: 'Rename' },
  hallPlace: { ar: 'موقع المركز', en: 'Hall location' },
  latitude: { ar: 'خط العرض', en: 'Latitude' },
  longitude: { ar: 'خط الطول', en: 'Longitude' },
  degreesHint: { ar: 'بالدرجات العشرية، مثل 33.5138؛ اترك الحقلين فارغين لإزالة الموقع', en: 'In decimal degrees, such as 33.5138; leave both empty to remove the location' },
  renameHall: { ar: 'تعديل اسم المركز', en: 'Rename the hall' },
  newToken: { ar: 'إصدار رمز جديد', en: 'New token' },
  newTokenConfirm: {
    ar: 'سيتوقف الرمز الحالي عن العمل فوراً، ولن يتصل المركز بالمدينة حتى يُدخَل الرمز الجديد في إعدادات خادمه. هل تريد المتابعة؟',
    en: "The current token stops working at once, and the hall cannot reach the city until the new token is set on its server. Continue?",
  },
  hallToken: { ar: 'رمز المركز', en: 'Hall token' },
  hallSettings: { ar: 'إعدادات خادم المركز', en: "The hall server's settings" },
  tokenOnce: {
    ar: 'لن يُعرض هذا الرمز مرة أخرى: انسخه الآن وأدخله في إعدادات خادم المركز.',
    en: "This token will not be shown again: copy it now and set it on the hall's server.",
  },
  // the catalogue
  catalogueHint: {
    ar: 'تُرسَل هذه الخدمات إلى كل المراكز عند النشر، ويحتفظ كل مركز بشبابيكه وأجهزته وطابعاته وأوقات دوامه.',
    en: 'These services are sent to every hall when published; each hall keeps its own counters, devices, printers and hours.',
  },
  notPublished: { ar: 'لم يُنشَر الدليل بعد.', en: 'The catalogue has not been published yet.' },
  code: { ar: 'الرمز', en: 'Code' },
  nameAr: { ar: 'الاسم بالعربية', en: 'Name (Arabic)' },
  nameEn: { ar: 'الاسم بالإنكليزية', en: 'Name (English)' },
  target: { ar: 'مدة الانتظار المستهدفة (دقيقة)', en: 'Target wait (minutes)' },
  bringAr: { ar: 'الأوراق المطلوبة بالعربية', en: 'What to bring (Arabic)' },
  bringEn: { ar: 'الأوراق المطلوبة بالإنكليزية', en: 'What to bring (English)' },
  bringHint: { ar: 'سطر لكل ورقة.', en: 'One item per line.' },
  codeHint: { ar: 'من حرف إلى ثلاثة أحرف لاتينية كبيرة.', en: '1 to 3 capital Latin letters.' },
  codeTwice: { ar: 'هذا الرمز مكرَّر في الدليل.', en: 'This code is listed twice.' },
  addService: { ar: 'إضافة خدمة', en: 'Add a service' },
  removeService: { ar: 'حذف الخدمة', en: 'Remove the service' },
  publish: { ar: 'نشر الدليل', en: 'Publish' },
  publishing: { ar: 'جارٍ النشر…', en: 'Publishing…' },
} as const;

export type TextKey = keyof typeof T;

/** «الإصدار ٤، نُشر في …» / "Version 4, published …" (both already formatted). */
export const versionLine = (version: string, publishedAt: string, lang: StaffLang) =>
  lang === 'ar' ? `الإصدار ${version}، نُشر في ${publishedAt}` : `Version ${version}, published ${publishedAt}`;

/** «نُشر الإصدار ٤، وسيصل إلى كل المراكز.» */
export const publishedLine = (version: string, lang: StaffLang) =>
  lang === 'ar' ? `نُشر الإصدار ${version}، وسيصل إلى كل المراكز.` : `Version ${version} published; every hall will receive it.`;

/** «لا اتصال منذ الساعة ١٠:٠٢» / "No contact since 10:02" (`since` already formatted). */
export const noContactSince = (since: string, lang: StaffLang) => (lang === 'ar' ? `لا اتصال منذ ${since}` : `No contact since ${since}`);

/** A catalogue cell's accessible name: «الرمز، الخدمة ٢» / "Code, service 2". */
export const cellName = (column: string, row: string, lang: StaffLang) => (lang === 'ar' ? `${column}، الخدمة ${row}` : `${column}, service ${row}`);
