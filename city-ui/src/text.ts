import type { Lang } from '../../ui-kit/i18n.js';

// What the city's screens say, in the council's formal Arabic, in English and in French. Log-in, language,
// roles and the admin forms' common words come from the staff app (clerk-ui).

export const T = {
  cityName: { ar: 'مراكز خدمة المواطن في المدينة', en: "The city's citizen-service halls", fr: 'Les centres de service aux citoyens de la ville' },
  // sections
  board: { ar: 'لوحة المراكز', en: 'Board', fr: 'Tableau' },
  reports: { ar: 'التقارير', en: 'Reports', fr: 'Rapports' },
  halls: { ar: 'المراكز', en: 'Halls', fr: 'Centres' },
  catalogue: { ar: 'دليل الخدمات', en: 'Service catalogue', fr: 'Catalogue des services' },
  users: { ar: 'المستخدمون', en: 'Users', fr: 'Utilisateurs' },
  // the board
  boardTitle: { ar: 'لوحة المراكز', en: 'City board', fr: 'Tableau des centres' },
  hall: { ar: 'المركز', en: 'Hall', fr: 'Centre' },
  waiting: { ar: 'المنتظرون', en: 'Waiting', fr: 'En attente' },
  longestWait: { ar: 'أطول انتظار / الهدف', en: 'Longest wait / target', fr: 'Attente la plus longue / objectif' },
  countersOpen: { ar: 'الشبابيك المفتوحة', en: 'Counters open', fr: 'Guichets ouverts' },
  issuedToday: { ar: 'الأدوار الصادرة اليوم', en: 'Issued today', fr: 'Tickets délivrés aujourd’hui' },
  servedToday: { ar: 'المخدومون اليوم', en: 'Served today', fr: 'Servis aujourd’hui' },
  lastHeard: { ar: 'آخر اتصال', en: 'Last heard', fr: 'Dernier contact' },
  inContact: { ar: 'المراكز المتصلة', en: 'In contact', fr: 'En contact' },
  outOfContact: { ar: 'المراكز المنقطعة عن الاتصال', en: 'Out of contact', fr: 'Sans contact' },
  overTarget: { ar: 'تجاوز الهدف', en: 'Over target', fr: 'Objectif dépassé' },
  neverHeard: { ar: 'لم يتصل بعد', en: 'Not heard from yet', fr: 'Pas encore de contact' },
  noHalls: {
    ar: 'لا توجد مراكز بعد. يضيفها مدير النظام من قسم «المراكز».',
    en: 'There are no halls yet. An administrator adds them under Halls.',
    fr: 'Aucun centre pour l’instant. L’administrateur les ajoute dans la rubrique «\u00a0Centres\u00a0».',
  },
  // halls
  newHall: { ar: 'مركز جديد', en: 'New hall', fr: 'Nouveau centre' },
  hallNameAr: { ar: 'اسم المركز بالعربية', en: 'Hall name (Arabic)', fr: 'Nom du centre (arabe)' },
  hallNameEn: { ar: 'اسم المركز بالإنكليزية (اختياري)', en: 'Hall name (English, optional)', fr: 'Nom du centre (anglais, facultatif)' },
  hallNameFr: { ar: 'اسم المركز بالفرنسية (اختياري)', en: 'Hall name (French, optional)', fr: 'Nom du centre (français, facultatif)' },
  timeZone: { ar: 'المنطقة الزمنية', en: 'Time zone', fr: 'Fuseau horaire' },
  configVersion: { ar: 'إصدار الدليل المطبَّق', en: 'Catalogue version applied', fr: 'Version du catalogue appliquée' },
  ackedSeq: { ar: 'الأحداث المستلَمة', en: 'Events received', fr: 'Événements reçus' },
  rename: { ar: 'تعديل الاسم', en: 'Rename', fr: 'Renommer' },
  hallPlace: { ar: 'موقع المركز', en: 'Hall location', fr: 'Emplacement du centre' },
  latitude: { ar: 'خط العرض', en: 'Latitude', fr: 'Latitude' },
  longitude: { ar: 'خط الطول', en: 'Longitude', fr: 'Longitude' },
  degreesHint: { ar: 'بالدرجات العشرية، مثل 33.5138؛ اترك الحقلين فارغين لإزالة الموقع', en: 'In decimal degrees, such as 33.5138; leave both empty to remove the location', fr: 'En degrés décimaux, par exemple 33.5138\u00a0; laissez les deux champs vides pour retirer l’emplacement' },
  renameHall: { ar: 'تعديل اسم المركز', en: 'Rename the hall', fr: 'Renommer le centre' },
  newToken: { ar: 'إصدار رمز جديد', en: 'New token', fr: 'Nouveau jeton' },
  newTokenConfirm: {
    ar: 'سيتوقف الرمز الحالي عن العمل فوراً، ولن يتصل المركز بالمدينة حتى يُدخَل الرمز الجديد في إعدادات خادمه. هل تريد المتابعة؟',
    en: "The current token stops working at once, and the hall cannot reach the city until the new token is set on its server. Continue?",
    fr: 'Le jeton actuel cesse aussitôt de fonctionner, et le centre ne peut plus joindre la ville tant que le nouveau jeton n’est pas saisi sur son serveur. Continuer\u00a0?',
  },
  hallToken: { ar: 'رمز المركز', en: 'Hall token', fr: 'Jeton du centre' },
  hallSettings: { ar: 'إعدادات خادم المركز', en: "The hall server's settings", fr: 'Réglages du serveur du centre' },
  tokenOnce: {
    ar: 'لن يُعرض هذا الرمز مرة أخرى: انسخه الآن وأدخله في إعدادات خادم المركز.',
    en: "This token will not be shown again: copy it now and set it on the hall's server.",
    fr: 'Ce jeton ne sera plus affiché\u00a0: copiez-le maintenant et saisissez-le sur le serveur du centre.',
  },
  // the catalogue
  catalogueHint: {
    ar: 'تُرسَل هذه الخدمات إلى كل المراكز عند النشر، ويحتفظ كل مركز بشبابيكه وأجهزته وطابعاته وأوقات دوامه.',
    en: 'These services are sent to every hall when published; each hall keeps its own counters, devices, printers and hours.',
    fr: 'Ces services sont envoyés à tous les centres lors de la publication\u00a0; chaque centre garde ses guichets, ses appareils, ses imprimantes et ses horaires.',
  },
  notPublished: { ar: 'لم يُنشَر الدليل بعد.', en: 'The catalogue has not been published yet.', fr: 'Le catalogue n’a pas encore été publié.' },
  code: { ar: 'الرمز', en: 'Code', fr: 'Code' },
  nameAr: { ar: 'الاسم بالعربية', en: 'Name (Arabic)', fr: 'Nom (arabe)' },
  nameEn: { ar: 'الاسم بالإنكليزية (اختياري)', en: 'Name (English, optional)', fr: 'Nom (anglais, facultatif)' },
  nameFr: { ar: 'الاسم بالفرنسية (اختياري)', en: 'Name (French, optional)', fr: 'Nom (français, facultatif)' },
  target: { ar: 'مدة الانتظار المستهدفة (دقيقة)', en: 'Target wait (minutes)', fr: 'Attente visée (minutes)' },
  bringAr: { ar: 'الأوراق المطلوبة بالعربية', en: 'What to bring (Arabic)', fr: 'Pièces à fournir (arabe)' },
  bringEn: { ar: 'الأوراق المطلوبة بالإنكليزية', en: 'What to bring (English)', fr: 'Pièces à fournir (anglais)' },
  bringFr: { ar: 'الأوراق المطلوبة بالفرنسية', en: 'What to bring (French)', fr: 'Pièces à fournir (français)' },
  bringHint: { ar: 'سطر لكل ورقة.', en: 'One item per line.', fr: 'Une pièce par ligne.' },
  codeHint: { ar: 'من حرف إلى ثلاثة أحرف لاتينية كبيرة.', en: '1 to 3 capital Latin letters.', fr: '1 à 3 lettres latines majuscules.' },
  codeTwice: { ar: 'هذا الرمز مكرَّر في الدليل.', en: 'This code is listed twice.', fr: 'Ce code figure deux fois dans le catalogue.' },
  addService: { ar: 'إضافة خدمة', en: 'Add a service', fr: 'Ajouter un service' },
  removeService: { ar: 'حذف الخدمة', en: 'Remove the service', fr: 'Supprimer le service' },
  publish: { ar: 'نشر الدليل', en: 'Publish', fr: 'Publier' },
  publishing: { ar: 'جارٍ النشر…', en: 'Publishing…', fr: 'Publication…' },
} as const;

export type TextKey = keyof typeof T;

/** «الإصدار ٤، نُشر في …» / "Version 4, published …" (both already formatted). */
export const versionLine = (version: string, publishedAt: string, lang: Lang) =>
  ({ ar: `الإصدار ${version}، نُشر في ${publishedAt}`, en: `Version ${version}, published ${publishedAt}`, fr: `Version ${version}, publiée le ${publishedAt}` })[lang];

/** «نُشر الإصدار ٤، وسيصل إلى كل المراكز.» */
export const publishedLine = (version: string, lang: Lang) =>
  ({
    ar: `نُشر الإصدار ${version}، وسيصل إلى كل المراكز.`,
    en: `Version ${version} published; every hall will receive it.`,
    fr: `Version ${version} publiée\u00a0; tous les centres la recevront.`,
  })[lang];

/** «لا اتصال منذ الساعة ١٠:٠٢» / "No contact since 10:02" (`since` already formatted). */
export const noContactSince = (since: string, lang: Lang) =>
  ({ ar: `لا اتصال منذ ${since}`, en: `No contact since ${since}`, fr: `Pas de contact depuis ${since}` })[lang];

/** A catalogue cell's accessible name: «الرمز، الخدمة ٢» / "Code, service 2". */
export const cellName = (column: string, row: string, lang: Lang) =>
  ({ ar: `${column}، الخدمة ${row}`, en: `${column}, service ${row}`, fr: `${column}, service ${row}` })[lang];
