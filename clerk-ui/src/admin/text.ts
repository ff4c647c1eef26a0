import type { FieldIssue } from '../../../server/protocol/admin.js';
import { arabicCount, formatNumber, frenchCount, labelled, pick, type Digits, type Lang, type Phrase } from '../../../ui-kit/i18n.js';

// Everything the admin area says, as the hall's staff say it, in every language of Phrase (a
// missing French text is a compile error). The labels double as the fields' accessible names.

/** A left-to-right value (a path, an address) inside Arabic prose, isolated as <bdi dir="ltr"> would: «/dev/usb/lp0», never «dev/usb/lp0/». */
const ltr = (value: string) => `\u2066${value}\u2069`;

export const T = {
  // sections
  admin: { ar: 'الإدارة', en: 'Administration', fr: 'Administration' },
  sections: { ar: 'أقسام الإدارة', en: 'Administration sections', fr: 'Sections de l’administration' },
  hall: { ar: 'الصالة', en: 'Hall', fr: 'Salle' },
  services: { ar: 'الخدمات', en: 'Services', fr: 'Services' },
  closures: { ar: 'أيام الإغلاق', en: 'Closure days', fr: 'Jours de fermeture' },
  counters: { ar: 'الشبابيك', en: 'Counters', fr: 'Guichets' },
  users: { ar: 'المستخدمون', en: 'Users', fr: 'Utilisateurs' },
  devices: { ar: 'الأجهزة', en: 'Devices', fr: 'Appareils' },
  printers: { ar: 'الطابعات', en: 'Printers', fr: 'Imprimantes' },
  displays: { ar: 'الشاشات والصوت', en: 'Displays & voice', fr: 'Écrans et voix' },
  audit: { ar: 'سجل العمليات', en: 'Audit log', fr: 'Journal des opérations' },

  // common
  save: { ar: 'حفظ', en: 'Save', fr: 'Enregistrer' },
  saving: { ar: 'جارٍ الحفظ…', en: 'Saving…', fr: 'Enregistrement…' },
  saved: { ar: 'تم الحفظ', en: 'Saved', fr: 'Enregistré' },
  cancel: { ar: 'إلغاء', en: 'Cancel', fr: 'Annuler' },
  edit: { ar: 'تعديل', en: 'Edit', fr: 'Modifier' },
  add: { ar: 'إضافة', en: 'Add', fr: 'Ajouter' },
  close: { ar: 'إغلاق', en: 'Close', fr: 'Fermer' },
  remove: { ar: 'حذف', en: 'Remove', fr: 'Supprimer' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…', fr: 'Chargement…' },
  retry: { ar: 'إعادة المحاولة', en: 'Try again', fr: 'Réessayer' },
  active: { ar: 'فعّال', en: 'Active', fr: 'Actif' },
  inactive: { ar: 'موقوف', en: 'Inactive', fr: 'Inactif' },
  status: { ar: 'الحالة', en: 'Status', fr: 'État' },
  actions: { ar: 'إجراءات', en: 'Actions', fr: 'Actions' },
  yes: { ar: 'نعم', en: 'Yes', fr: 'Oui' },
  no: { ar: 'لا', en: 'No', fr: 'Non' },
  none: { ar: 'لا يوجد', en: 'None', fr: 'Aucun' },
  fixErrors: { ar: 'يرجى تصحيح الحقول المشار إليها.', en: 'Please correct the fields marked below.', fr: 'Veuillez corriger les champs signalés ci-dessous.' },
  offline: { ar: 'تعذّر الاتصال بالخادم. تحقّق من الشبكة وأعد المحاولة.', en: 'The server cannot be reached. Check the network and try again.', fr: 'Impossible de joindre le serveur. Vérifiez le réseau et réessayez.' },
  nameAr: { ar: 'الاسم بالعربية', en: 'Name (Arabic)', fr: 'Nom (arabe)' },
  nameEn: { ar: 'الاسم بالإنكليزية', en: 'Name (English)', fr: 'Nom (anglais)' },
  nameFr: { ar: 'الاسم بالفرنسية (اختياري)', en: 'Name (French, optional)', fr: 'Nom (français, facultatif)' },
  englishOptionalHint: { ar: 'اختياري: الإنكليزية ليست من لغات الصالة.', en: 'Optional: English is not one of the hall’s languages.', fr: 'Facultatif\u00a0: l’anglais n’est pas une langue de la salle.' },
  frenchHint: {
    ar: 'حيث يُترك فارغاً يظهر النص الإنكليزي، أو العربي إن لم يوجد.',
    en: 'Where it is empty, the English text is shown, or the Arabic.',
    fr: 'Laissé vide, c’est le texte anglais qui s’affiche, ou à défaut l’arabe.',
  },
  name: { ar: 'الاسم', en: 'Name', fr: 'Nom' },
  zone: { ar: 'المنطقة', en: 'Zone', fr: 'Zone' },
  zoneHint: { ar: 'مثل A أو الطابق الأول. اتركها فارغة إن كانت الصالة منطقة واحدة.', en: 'For example A or First floor. Leave it empty if the hall is one zone.', fr: 'Par exemple A ou Premier étage. Laissez vide si la salle ne forme qu’une zone.' },
  moveUp: { ar: 'تحريك للأعلى', en: 'Move up', fr: 'Monter' },
  moveDown: { ar: 'تحريك للأسفل', en: 'Move down', fr: 'Descendre' },

  // hall
  general: { ar: 'معلومات عامة', en: 'General', fr: 'Informations générales' },
  hallNameAr: { ar: 'اسم الصالة بالعربية', en: 'Hall name (Arabic)', fr: 'Nom de la salle (arabe)' },
  hallNameEn: { ar: 'اسم الصالة بالإنكليزية', en: 'Hall name (English)', fr: 'Nom de la salle (anglais)' },
  hallNameFr: { ar: 'اسم الصالة بالفرنسية (اختياري)', en: 'Hall name (French, optional)', fr: 'Nom de la salle (français, facultatif)' },
  timeZone: { ar: 'المنطقة الزمنية', en: 'Time zone', fr: 'Fuseau horaire' },
  timeZoneHint: { ar: `مثل ${ltr('Asia/Damascus')}`, en: 'For example Asia/Damascus', fr: 'Par exemple Africa/Algiers' },
  digits: { ar: 'شكل الأرقام', en: 'Digits', fr: 'Chiffres' },
  digitsArab: { ar: 'أرقام عربية مشرقية (١٢٣)', en: 'Arabic-Indic (١٢٣)', fr: 'Chiffres arabes orientaux (١٢٣)' },
  digitsLatn: { ar: 'أرقام لاتينية (123)', en: 'Latin (123)', fr: 'Chiffres latins (123)' },
  hijriCalendar: { ar: 'التقويم الهجري', en: 'Hijri calendar', fr: 'Calendrier hégirien' },
  'hijri_islamic-umalqura': { ar: 'أم القرى', en: 'Umm al-Qura', fr: 'Umm al-Qura' },
  'hijri_islamic-civil': { ar: 'الحسابي', en: 'Tabular (civil)', fr: 'Tabulaire (civil)' },
  languages: { ar: 'لغات الواجهة', en: 'Languages', fr: 'Langues' },
  arabic: { ar: 'العربية', en: 'Arabic', fr: 'Arabe' },
  english: { ar: 'الإنكليزية', en: 'English', fr: 'Anglais' },
  french: { ar: 'الفرنسية', en: 'French', fr: 'Français' },
  footerAr: { ar: 'تذييل البطاقة بالعربية', en: 'Ticket footer (Arabic)', fr: 'Pied du ticket (arabe)' },
  footerEn: { ar: 'تذييل البطاقة بالإنكليزية', en: 'Ticket footer (English)', fr: 'Pied du ticket (anglais)' },
  footerFr: { ar: 'تذييل البطاقة بالفرنسية (اختياري)', en: 'Ticket footer (French, optional)', fr: 'Pied du ticket (français, facultatif)' },
  printWhatToBring: { ar: 'طباعة الأوراق المطلوبة للخدمة على البطاقة', en: "Print the service's papers to bring on the ticket", fr: 'Imprimer sur le ticket les pièces à fournir pour le service' },
  openingHours: { ar: 'أوقات الدوام', en: 'Opening hours', fr: 'Horaires d’ouverture' },
  openingHoursHint: {
    ar: 'لكل يوم فترة أو أكثر. اليوم الذي لا فترات له يوم عطلة.',
    en: 'One or more periods a day. A day without periods is closed.',
    fr: 'Une ou plusieurs plages par jour. Un jour sans plage est un jour de fermeture.',
  },
  closedDay: { ar: 'عطلة', en: 'Closed', fr: 'Fermé' },
  opens: { ar: 'من', en: 'Opens', fr: 'Ouverture' },
  closes: { ar: 'إلى', en: 'Closes', fr: 'Fermeture' },
  addPeriod: { ar: 'إضافة فترة', en: 'Add period', fr: 'Ajouter une plage' },
  removePeriod: { ar: 'حذف الفترة', en: 'Remove period', fr: 'Supprimer la plage' },
  policies: { ar: 'سياسات الدور', en: 'Queue policies', fr: 'Règles de la file d’attente' },
  routingPolicy: { ar: 'طريقة اختيار الدور التالي', en: 'Routing policy', fr: 'Choix du ticket suivant' },
  policy_default: { ar: 'متوازنة: تحافظ على مدة الانتظار المستهدفة لكل خدمة', en: "Balanced: keeps each service's target wait", fr: 'Équilibré\u00a0: respecte l’attente visée de chaque service' },
  'policy_oldest-first': { ar: 'الأقدم أولاً', en: 'Oldest first', fr: 'Le plus ancien d’abord' },
  'policy_service-order': { ar: 'حسب ترتيب خدمات الشباك', en: "By the counter's service order", fr: 'Selon l’ordre des services du guichet' },
  policy_novosga: { ar: 'ترتيب خدمات الشباك قبل الأولوية (NovoSGA)', en: "Counter's service order before priority (NovoSGA)", fr: 'Ordre des services du guichet avant la priorité (NovoSGA)' },
  maxPriorityInRow: { ar: 'أقصى عدد لأدوار الأولوية المتتالية', en: 'Priority tickets in a row (max)', fr: 'Tickets prioritaires d’affilée (maximum)' },
  allowCallSpecific: { ar: 'السماح للموظف باستدعاء دور محدد', en: 'Clerks may call a specific ticket', fr: 'Les agents peuvent appeler un ticket précis' },
  autoNoShow: { ar: 'اعتبار المراجع غائباً بعد عدد من النداءات', en: 'Mark as no-show after recalls', fr: 'Marquer comme absent après des rappels' },
  autoNoShowAfter: { ar: 'عدد النداءات قبل اعتباره غائباً', en: 'Recalls before no-show', fr: 'Rappels avant l’absence' },
  noShowMinSeconds: { ar: 'مهلة تأكيد «لم يحضر» بعد النداء (ثانية)', en: 'Confirm no-shows sooner than (seconds after the call)', fr: 'Confirmer une absence signalée avant (secondes après l’appel)' },
  noShowMinSecondsHint: {
    ar: 'قبل انقضاء هذه المدة على النداء، ومن غير إعادة نداء، يُطلب من الموظف تأكيد «لم يحضر». صفر: لا يُطلب التأكيد أبداً.',
    en: 'Sooner than this after the call, and before any recall, the clerk must confirm a no-show. 0: never asks.',
    fr: 'Avant ce délai après l’appel, et sans rappel, l’agent doit confirmer l’absence. 0\u00a0: jamais de confirmation.',
  },
  carryOverWaiting: { ar: 'ترحيل الأدوار المنتظرة إلى اليوم التالي', en: 'Carry waiting tickets over to the next day', fr: 'Reporter au lendemain les tickets en attente' },
  enforceHours: { ar: 'عدم إصدار أدوار خارج أوقات الدوام', en: 'Refuse tickets outside opening hours', fr: 'Refuser les tickets en dehors des horaires d’ouverture' },
  kioskReturnSeconds: { ar: 'مدة عرض البطاقة على جهاز الدور (ثانية)', en: 'Kiosk ticket screen (seconds)', fr: 'Affichage du ticket sur la borne (secondes)' },
  alertQueueLength: { ar: 'تنبيه المشرف عند بلوغ طابور الخدمة', en: 'Alert supervisors at queue length', fr: 'Alerter les superviseurs à partir d’une file de' },
  phones: { ar: 'الهاتف والإشعارات', en: 'Phones and notifications', fr: 'Téléphones et notifications' },
  publicUrl: { ar: 'عنوان الوصول العام للنظام', en: 'Public address of the system', fr: 'Adresse publique du système' },
  publicUrlHint: {
    ar: `العنوان المطبوع في رمز QR على البطاقة، مثل ${ltr('https://dor.example.sy')}. اتركه فارغاً لاستخدام عنوان هذا الخادم على شبكة الصالة.`,
    en: "The address printed in the ticket's QR code, e.g. https://queue.example.org. Leave it empty to use this server's address on the hall network.",
    fr: 'L’adresse imprimée dans le code QR du ticket, par exemple https://file.example.dz. Laissez vide pour utiliser l’adresse de ce serveur sur le réseau de la salle.',
  },
  remoteJoin: { ar: 'أخذ الدور عن بُعد', en: 'Take a ticket remotely (by phone)', fr: 'Prendre un ticket à distance (par téléphone)' },
  dailyCapPerService: { ar: 'الحد اليومي لكل خدمة', en: 'Daily limit per service', fr: 'Limite quotidienne par service' },
  suggestOtherCentres: { ar: 'اقتراح مركز انتظاره أقصر', en: 'Suggest a centre with a shorter wait', fr: 'Proposer un centre où l’attente est plus courte' },
  suggestOtherCentresHint: {
    ar: 'على جهاز الدور وصفحة الهاتف: «انتظار أقصر الآن في: …» حين يقدّم مركز آخر في المدينة الخدمة نفسها بانتظار أقصر.',
    en: 'On the kiosk and the phone page: “Shorter wait now at: …” when another centre of the city offers the service with a shorter wait.',
    fr: 'Sur la borne et la page du téléphone\u00a0: «\u00a0Attente plus courte en ce moment à\u00a0: …\u00a0» quand un autre centre de la ville propose le même service avec une attente plus courte.',
  },
  notify: { ar: 'إشعار عبر خدمة الرسائل (Webhook)', en: 'Notify through a messaging service (Webhook)', fr: 'Notifier par un service de messagerie (Webhook)' },
  webhookUrl: { ar: 'رابط الخدمة', en: 'Webhook URL', fr: 'Adresse du webhook' },
  notifyPosition: { ar: 'الترتيب الذي يُرسَل عنده الإشعار', en: 'Send the notice at this place in line', fr: 'Envoyer l’avis à cette place dans la file' },
  notifyPositionHint: { ar: '١ تعني أن المراجع هو التالي.', en: '1 means the citizen is next.', fr: '1 signifie que le citoyen est le suivant.' },
  privacy: { ar: 'الخصوصية', en: 'Privacy', fr: 'Confidentialité' },
  retentionDays: { ar: 'مدة الاحتفاظ بالملاحظات والتعليقات (بالأيام)', en: 'Keep notes and comments for (days)', fr: 'Conserver les notes et commentaires pendant (jours)' },
  retentionDaysHint: {
    ar: 'بعدها تُحذف الملاحظات والتعليقات وأرقام الهواتف وتبقى الإحصاءات. اتركه فارغاً للاحتفاظ بها دائماً.',
    en: 'After that, notes, comments and phone numbers are deleted; the figures stay. Leave it empty to keep them.',
    fr: 'Ensuite, les notes, les commentaires et les numéros de téléphone sont supprimés\u00a0; les chiffres restent. Laissez vide pour les conserver.',
  },
  appointmentsSection: { ar: 'المواعيد', en: 'Appointments', fr: 'Rendez-vous' },
  checkInEarlyMinutes: { ar: 'يبدأ تأكيد الحضور قبل الموعد بـ (دقيقة)', en: 'Check-in opens before the slot (minutes)', fr: 'Enregistrement possible avant le créneau (minutes)' },
  checkInLateMinutes: { ar: 'ينتهي تأكيد الحضور بعد الموعد بـ (دقيقة)', en: 'Check-in closes after the slot (minutes)', fr: 'Enregistrement possible après le créneau (minutes)' },
  checkInLateMinutesHint: {
    ar: 'بعدها يُعدّ صاحب الموعد غائباً، ويُتاح مكانه لغيره.',
    en: 'After that the booking is a no-show and its place is free again.',
    fr: 'Au-delà, le rendez-vous compte comme une absence et sa place est libérée.',
  },
  minLeadMinutes: { ar: 'أقل مهلة بين الحجز والموعد (دقيقة)', en: 'Book at least this long ahead (minutes)', fr: 'Réserver au moins ce délai à l’avance (minutes)' },
  windowDays: { ar: 'أقصى مدة للحجز مسبقاً (يوم)', en: 'Book at most this far ahead (days)', fr: 'Réserver au plus ce délai à l’avance (jours)' },
  bookablePercent: { ar: 'أقصى نسبة من وقت الشبابيك تُحجز مواعيدَ (٪)', en: "Most of the counters' time bookable (%)", fr: 'Part maximale du temps des guichets ouverte aux rendez-vous (%)' },
  bookablePercentHint: {
    ar: 'في كل ساعة ولكل خدمة؛ يبقى الباقي للمراجعين دون موعد.',
    en: 'In any hour, for each service; the rest stays for walk-ins.',
    fr: 'Pour chaque heure et chaque service\u00a0; le reste est laissé aux citoyens sans rendez-vous.',
  },
  appointmentEveryK: { ar: 'نداء موعد واحد كل كم نداء عند تأخر المراجعين دون موعد', en: 'One appointment in how many calls while walk-ins are late', fr: 'Un rendez-vous sur combien d’appels quand les citoyens sans rendez-vous attendent trop' },
  appointmentEveryKHint: {
    ar: 'ما دام انتظار المراجعين دون موعد قد تجاوز المدة المستهدفة للخدمة، لا يُنادي الشباك أكثر من موعد واحد في هذا العدد من النداءات. ١: بلا قيد.',
    en: "While walk-ins wait past their service's target, a counter calls at most one appointment in this many calls. 1: no limit.",
    fr: 'Tant que l’attente des citoyens sans rendez-vous dépasse l’attente visée du service, un guichet appelle au plus un rendez-vous sur ce nombre d’appels. 1\u00a0: sans limite.',
  },
  httpUrl: {
    ar: `أدخل عنواناً كاملاً يبدأ بـ ${ltr('http://')} أو ${ltr('https://')}`,
    en: 'Enter a full address starting with http:// or https://',
    fr: 'Saisissez une adresse complète commençant par http:// ou https://',
  },

  // closures
  newClosure: { ar: 'إغلاق المركز يوماً', en: 'Close the centre for a day', fr: 'Fermer le centre un jour' },
  closeDay: { ar: 'إغلاق هذا اليوم', en: 'Close this day', fr: 'Fermer ce jour' },
  closureDate: { ar: 'اليوم', en: 'Day', fr: 'Jour' },
  closureDateHint: {
    ar: 'لا تُصدر فيه أدوار ولا تُحجز مواعيد. تُلغى مواعيده المحجوزة، ويُبلَّغ برسالة من ترك رقم هاتفه.',
    en: 'No tickets and no bookings that day. Its bookings are cancelled; those who left a number get a message.',
    fr: 'Ni tickets ni réservations ce jour-là. Ses rendez-vous sont annulés\u00a0; ceux qui ont laissé leur numéro reçoivent un message.',
  },
  closureReason: { ar: 'السبب', en: 'Reason', fr: 'Motif' },
  closureReasonAr: { ar: 'السبب بالعربية', en: 'Reason (Arabic)', fr: 'Motif (arabe)' },
  closureReasonEn: { ar: 'السبب بالإنكليزية', en: 'Reason (English)', fr: 'Motif (anglais)' },
  closurePast: { ar: 'هذا اليوم مضى. اختر اليوم أو يوماً قادماً.', en: 'This day is past: choose today or a day to come.', fr: 'Ce jour est passé\u00a0: choisissez aujourd’hui ou un jour à venir.' },
  closureTwice: { ar: 'هذا اليوم مغلق من قبل.', en: 'This day is closed already.', fr: 'Ce jour est déjà fermé.' },
  noClosures: { ar: 'لا أيام إغلاق قادمة.', en: 'No closure days to come.', fr: 'Aucun jour de fermeture à venir.' },
  reopen: { ar: 'إلغاء الإغلاق', en: 'Reopen', fr: 'Rouvrir' },

  // services
  newService: { ar: 'خدمة جديدة', en: 'New service', fr: 'Nouveau service' },
  editService: { ar: 'تعديل الخدمة', en: 'Edit service', fr: 'Modifier le service' },
  serviceCode: { ar: 'رمز الخدمة', en: 'Service code', fr: 'Code du service' },
  serviceCodeHint: { ar: 'من حرف إلى ثلاثة أحرف لاتينية كبيرة، يُطبع قبل رقم الدور (مثل B007).', en: '1 to 3 capital Latin letters, printed before the ticket number (e.g. B007).', fr: '1 à 3 lettres latines majuscules, imprimées avant le numéro du ticket (par exemple B007).' },
  code: { ar: 'الرمز', en: 'Code', fr: 'Code' },
  targetWait: { ar: 'مدة الانتظار المستهدفة (دقيقة)', en: 'Target wait (minutes)', fr: 'Attente visée (minutes)' },
  averageDuration: { ar: 'متوسط مدة المعاملة (دقيقة)', en: 'Average duration (minutes)', fr: 'Durée moyenne (minutes)' },
  dailyLimit: { ar: 'الحد اليومي للأدوار', en: 'Daily limit', fr: 'Limite quotidienne' },
  dailyLimitHint: { ar: 'اتركه فارغاً إن لم يكن هناك حد.', en: 'Leave empty for no limit.', fr: 'Laissez vide pour ne fixer aucune limite.' },
  serviceHours: { ar: 'أوقات الخدمة', en: 'Service hours', fr: 'Horaires du service' },
  hallHours: { ar: 'أوقات دوام الصالة', en: "The hall's hours", fr: 'Les horaires de la salle' },
  ownHours: { ar: 'أوقات خاصة بهذه الخدمة', en: 'Its own hours', fr: 'Ses propres horaires' },
  takesAppointments: { ar: 'تقبل الحجز المسبق (مواعيد)', en: 'Takes appointments', fr: 'Accepte les rendez-vous' },
  slotMinutes: { ar: 'مدة الموعد (دقيقة)', en: 'Slot length (minutes)', fr: 'Durée d’un créneau (minutes)' },
  slotMinutesHint: { ar: 'اتركه فارغاً ليساوي متوسط مدة المعاملة.', en: "Leave empty for the service's average duration.", fr: 'Laissez vide pour la durée moyenne du service.' },
  perSlot: { ar: 'عدد المواطنين في كل موعد', en: 'Citizens per slot', fr: 'Citoyens par créneau' },
  perSlotHint: { ar: 'اتركه فارغاً ليساوي عدد الشبابيك التي تقدّم هذه الخدمة.', en: 'Leave empty for the number of counters serving this service.', fr: 'Laissez vide pour le nombre de guichets qui assurent ce service.' },
  bookableHours: { ar: 'أوقات الحجز', en: 'Bookable hours', fr: 'Horaires de réservation' },
  serviceOwnHours: { ar: 'أوقات الخدمة نفسها', en: "The service's hours", fr: 'Les horaires du service' },
  bookableOwnHours: { ar: 'أوقات خاصة بالحجز', en: 'Hours of their own', fr: 'Des horaires propres' },
  category: { ar: 'التصنيف', en: 'Category', fr: 'Catégorie' },
  categoryAr: { ar: 'التصنيف بالعربية', en: 'Category (Arabic)', fr: 'Catégorie (arabe)' },
  categoryEn: { ar: 'التصنيف بالإنكليزية', en: 'Category (English)', fr: 'Catégorie (anglais)' },
  categoryFr: { ar: 'التصنيف بالفرنسية (اختياري)', en: 'Category (French, optional)', fr: 'Catégorie (français, facultatif)' },
  categoryHint: { ar: 'عنوان يجمع الخدمات على جهاز الدور. اختياري.', en: 'A heading that groups services on the kiosk. Optional.', fr: 'Un titre qui regroupe des services sur la borne. Facultatif.' },
  bringAr: { ar: 'الأوراق المطلوبة بالعربية', en: 'What to bring (Arabic)', fr: 'Pièces à fournir (arabe)' },
  bringEn: { ar: 'الأوراق المطلوبة بالإنكليزية', en: 'What to bring (English)', fr: 'Pièces à fournir (anglais)' },
  bringFr: { ar: 'الأوراق المطلوبة بالفرنسية (اختياري)', en: 'What to bring (French, optional)', fr: 'Pièces à fournir (français, facultatif)' },
  bringHint: { ar: 'بند واحد في كل سطر، عشرة بنود على الأكثر.', en: 'One item per line, at most ten.', fr: 'Une pièce par ligne, dix au plus.' },
  serviceActive: { ar: 'الخدمة فعّالة وتظهر على جهاز الدور', en: 'Active (shown on the kiosk)', fr: 'Actif (affiché sur la borne)' },
  waitingNow: { ar: 'المنتظرون الآن', en: 'Waiting now', fr: 'En attente' },
  minutesShort: { ar: 'د', en: 'min', fr: 'min' },
  noServices: { ar: 'لا توجد خدمات بعد.', en: 'No services yet.', fr: 'Aucun service pour l’instant.' },

  // counters
  newCounter: { ar: 'شباك جديد', en: 'New counter', fr: 'Nouveau guichet' },
  editCounter: { ar: 'تعديل الشباك', en: 'Edit counter', fr: 'Modifier le guichet' },
  counterNumber: { ar: 'رقم الشباك', en: 'Counter number', fr: 'Numéro du guichet' },
  counterName: { ar: 'اسم الشباك', en: 'Counter name', fr: 'Nom du guichet' },
  counterNameHint: { ar: 'اختياري، مثل «شباك الرخص».', en: 'Optional, e.g. "Permits desk".', fr: 'Facultatif, par exemple «\u00a0Guichet des permis\u00a0».' },
  counterServices: { ar: 'خدمات الشباك حسب الأولوية', en: 'Services in order of preference', fr: 'Services par ordre de préférence' },
  counterServicesHint: { ar: 'يُخدم الأول قبل غيره.', en: 'The first is served first.', fr: 'Le premier est servi avant les autres.' },
  addServiceToCounter: { ar: 'إضافة خدمة إلى الشباك', en: 'Add a service to the counter', fr: 'Ajouter un service au guichet' },
  counterQualified: { ar: 'الخدمات التي يُحسنها موظف الشباك', en: "Services the counter's clerk is qualified for", fr: 'Services que l’agent du guichet sait traiter' },
  counterQualifiedHint: {
    ar: 'تشمل خدماته الحالية دائماً. لا يقترح مساعد التوزيع على الشباك خدمةً خارجها.',
    en: 'Always includes its current services. The staffing advisor never suggests a service outside them.',
    fr: 'Comprend toujours ses services actuels. L’assistant de répartition ne propose jamais de service en dehors de cette liste.',
  },
  chooseService: { ar: 'اختر خدمة…', en: 'Choose a service…', fr: 'Choisissez un service…' },
  counterActive: { ar: 'الشباك في الخدمة', en: 'Active (in service)', fr: 'Actif (en service)' },
  state_open: { ar: 'مفتوح', en: 'Open', fr: 'Ouvert' },
  state_closed: { ar: 'مغلق', en: 'Closed', fr: 'Fermé' },
  state_paused: { ar: 'متوقف مؤقتاً', en: 'Paused', fr: 'En pause' },

  // users
  newUser: { ar: 'مستخدم جديد', en: 'New user', fr: 'Nouvel utilisateur' },
  username: { ar: 'اسم المستخدم', en: 'Username', fr: 'Nom d’utilisateur' },
  usernameHint: { ar: 'أحرف لاتينية صغيرة وأرقام والنقطة والشرطة.', en: 'Small Latin letters, digits, dot, underscore and hyphen.', fr: 'Lettres latines minuscules, chiffres, point, tiret bas et trait d’union.' },
  displayName: { ar: 'الاسم الظاهر', en: 'Display name', fr: 'Nom affiché' },
  role: { ar: 'الصلاحية', en: 'Role', fr: 'Rôle' },
  role_clerk: { ar: 'موظف شباك', en: 'Clerk', fr: 'Agent de guichet' },
  role_supervisor: { ar: 'مشرف', en: 'Supervisor', fr: 'Superviseur' },
  role_admin: { ar: 'مدير النظام', en: 'Administrator', fr: 'Administrateur' },
  password: { ar: 'كلمة المرور', en: 'Password', fr: 'Mot de passe' },
  newPassword: { ar: 'كلمة المرور الجديدة', en: 'New password', fr: 'Nouveau mot de passe' },
  passwordHint: {
    ar: '١٠ أحرف على الأقل، على ألّا تكون كلمة مرور شائعة أو حرفاً واحداً مكرراً أو اسم المستخدم نفسه.',
    en: 'At least 10 characters; not a common password, one character repeated, or the username.',
    fr: 'Au moins 10 caractères\u00a0; ni un mot de passe courant, ni un seul caractère répété, ni le nom d’utilisateur.',
  },
  resetPassword: { ar: 'تعيين كلمة مرور جديدة', en: 'Reset password', fr: 'Définir un nouveau mot de passe' },
  passwordReset: { ar: 'تم تغيير كلمة المرور، وخرج المستخدم من أجهزته الأخرى.', en: 'Password changed; the user was logged out elsewhere.', fr: 'Mot de passe changé\u00a0; l’utilisateur a été déconnecté de ses autres appareils.' },
  userActive: { ar: 'الحساب فعّال (أزل الإشارة لإيقاف الحساب)', en: 'Active (untick to deactivate)', fr: 'Actif (décochez pour désactiver le compte)' },
  editUser: { ar: 'تعديل المستخدم', en: 'Edit user', fr: 'Modifier l’utilisateur' },

  // devices
  newDevice: { ar: 'جهاز جديد', en: 'New device', fr: 'Nouvel appareil' },
  kind: { ar: 'النوع', en: 'Kind', fr: 'Type' },
  kind_kiosk: { ar: 'جهاز إصدار الدور', en: 'Kiosk', fr: 'Borne' },
  kind_display: { ar: 'شاشة عرض', en: 'Display', fr: 'Écran' },
  kind_printer: { ar: 'برنامج الطابعة', en: 'Printer agent', fr: 'Agent d’impression' },
  deviceName: { ar: 'اسم الجهاز', en: 'Device name', fr: 'Nom de l’appareil' },
  lastSeen: { ar: 'آخر اتصال', en: 'Last seen', fr: 'Dernière connexion' },
  never: { ar: 'لم يتصل بعد', en: 'Never', fr: 'Jamais' },
  revoke: { ar: 'إلغاء الربط', en: 'Revoke', fr: 'Révoquer' },
  revoked: { ar: 'ملغى', en: 'Revoked', fr: 'Révoqué' },
  revokeConfirm: { ar: 'سيتوقف هذا الجهاز عن العمل فوراً. هل أنت متأكد؟', en: 'This device will stop working at once. Are you sure?', fr: 'Cet appareil cessera aussitôt de fonctionner. Êtes-vous sûr\u00a0?' },
  tokenOnce: {
    ar: 'هذا رمز الربط، ولن يظهر مرة أخرى. انسخه الآن أو افتح عنوان الربط على الجهاز نفسه.',
    en: 'This is the pairing token. It will not be shown again: copy it now, or open the pairing address on the device itself.',
    fr: 'Voici le jeton d’appairage. Il ne sera plus affiché\u00a0: copiez-le maintenant, ou ouvrez l’adresse d’appairage sur l’appareil lui-même.',
  },
  token: { ar: 'رمز الربط', en: 'Token', fr: 'Jeton d’appairage' },
  pairingUrl: { ar: 'عنوان الربط', en: 'Pairing address', fr: 'Adresse d’appairage' },
  agentCommand: { ar: 'أمر تشغيل برنامج الطابعة', en: 'Print agent command', fr: 'Commande de l’agent d’impression' },
  copy: { ar: 'نسخ', en: 'Copy', fr: 'Copier' },
  copied: { ar: 'تم النسخ', en: 'Copied', fr: 'Copié' },
  pressCtrlC: { ar: 'النص محدَّد: اضغط Ctrl+C لنسخه.', en: 'The text is selected: press Ctrl+C to copy it.', fr: 'Le texte est sélectionné\u00a0: appuyez sur Ctrl+C pour le copier.' },
  editDevice: { ar: 'تعديل الجهاز', en: 'Edit device', fr: 'Modifier l’appareil' },
  displayPlace: { ar: 'مكان الشاشة', en: 'Where the screen hangs', fr: 'Emplacement de l’écran' },
  hallScreen: { ar: 'شاشة الصالة (كل النداءات)', en: 'Hall display (every call)', fr: 'Écran de la salle (tous les appels)' },
  aboveCounter: { ar: 'فوق الشباك', en: 'Above counter', fr: 'Au-dessus du guichet' },

  // printers
  newPrinter: { ar: 'طابعة جديدة', en: 'New printer', fr: 'Nouvelle imprimante' },
  editPrinter: { ar: 'تعديل الطابعة', en: 'Edit printer', fr: 'Modifier l’imprimante' },
  printerName: { ar: 'اسم الطابعة', en: 'Printer name', fr: 'Nom de l’imprimante' },
  target: { ar: 'عنوان الطابعة', en: 'Target', fr: 'Adresse de l’imprimante' },
  targetHint: {
    ar: `لطابعة شبكية: ${ltr('tcp://')} ثم عنوانها ومنفذها، مثل ${ltr('tcp://192.168.1.50:9100')}؛ أو مسار جهاز مثل ${ltr('/dev/usb/lp0')}؛ أو ${ltr('agent:')} ثم رقم جهاز برنامج الطابعة.`,
    en: 'tcp://host:port for a network printer, a device path such as /dev/usb/lp0, or agent:<device id> for a print agent.',
    fr: 'tcp://hôte:port pour une imprimante réseau, un chemin de périphérique comme /dev/usb/lp0, ou agent:<numéro d’appareil> pour un agent d’impression.',
  },
  width: { ar: 'عرض الورق', en: 'Paper width', fr: 'Largeur du papier' },
  width58: { ar: '٥٨ ملم', en: '58 mm', fr: '58\u00a0mm' },
  width80: { ar: '٨٠ ملم', en: '80 mm', fr: '80\u00a0mm' },
  kiosk: { ar: 'جهاز الدور المرتبط', en: 'Kiosk', fr: 'Borne associée' },
  noKiosk: { ar: 'غير مرتبطة', en: 'Not bound', fr: 'Aucune' },
  printerActive: { ar: 'الطابعة فعّالة', en: 'Active', fr: 'Active' },
  testPrint: { ar: 'طباعة تجريبية', en: 'Test print', fr: 'Impression de test' },
  testSent: { ar: 'أُرسلت الطباعة التجريبية.', en: 'Test print sent.', fr: 'Impression de test envoyée.' },
  testUnavailable: { ar: 'الطباعة التجريبية غير متاحة على هذا الخادم.', en: 'Test print is not available on this server.', fr: 'L’impression de test n’est pas disponible sur ce serveur.' },
  pstatus_unknown: { ar: 'غير معروفة', en: 'Unknown', fr: 'État inconnu' },
  pstatus_online: { ar: 'تعمل', en: 'Online', fr: 'En ligne' },
  pstatus_offline: { ar: 'لا تستجيب', en: 'Offline', fr: 'Hors ligne' },
  pstatus_paper_out: { ar: 'نفد الورق', en: 'Out of paper', fr: 'Plus de papier' },

  // displays
  displaySettings: { ar: 'إعدادات الشاشات', en: 'Display settings', fr: 'Réglages des écrans' },
  recentCalls: { ar: 'عدد النداءات السابقة المعروضة', en: 'Recent calls shown', fr: 'Appels précédents affichés' },
  chime: { ar: 'تنبيه صوتي قبل النداء', en: 'Chime before a call', fr: 'Carillon avant un appel' },
  announceAr: { ar: 'النداء بالعربية', en: 'Announce in Arabic', fr: 'Annonce en arabe' },
  announceEn: { ar: 'النداء بالإنكليزية', en: 'Announce in English', fr: 'Annonce en anglais' },
  voice: { ar: 'صوت النداء', en: 'Voice', fr: 'Voix' },
  voiceClips: { ar: 'تسجيلات صوتية جاهزة', en: 'Recorded clips', fr: 'Enregistrements' },
  voiceSpeech: { ar: 'صوت المتصفح', en: "The browser's speech", fr: 'Synthèse vocale du navigateur' },
  ticker: { ar: 'الشريط الإخباري', en: 'News ticker', fr: 'Bandeau d’informations' },
  tickerOn: { ar: 'إظهار الشريط الإخباري', en: 'Show a news ticker', fr: 'Afficher un bandeau d’informations' },
  tickerAr: { ar: 'نص الشريط بالعربية', en: 'Ticker (Arabic)', fr: 'Bandeau (arabe)' },
  tickerEn: { ar: 'نص الشريط بالإنكليزية', en: 'Ticker (English)', fr: 'Bandeau (anglais)' },
  tickerFr: { ar: 'نص الشريط بالفرنسية (اختياري)', en: 'Ticker (French, optional)', fr: 'Bandeau (français, facultatif)' },
  media: { ar: 'الصور والفيديو', en: 'Pictures and videos', fr: 'Images et vidéos' },
  mediaHint: { ar: 'تظهر على شاشات العرض بالتناوب. صور أو فيديو حتى ٢٠٠ ميغابايت.', en: 'Shown in turn on the displays. Images or videos up to 200 MB.', fr: 'Affichées tour à tour sur les écrans. Images ou vidéos jusqu’à 200\u00a0Mo.' },
  upload: { ar: 'رفع ملف', en: 'Upload a file', fr: 'Téléverser un fichier' },
  uploading: { ar: 'جارٍ الرفع…', en: 'Uploading…', fr: 'Téléversement…' },
  noMedia: { ar: 'لا توجد ملفات بعد.', en: 'No files yet.', fr: 'Aucun fichier pour l’instant.' },
  fileName: { ar: 'اسم الملف', en: 'File name', fr: 'Nom du fichier' },
  size: { ar: 'الحجم', en: 'Size', fr: 'Taille' },
  megabytes: { ar: 'ميغابايت', en: 'MB', fr: 'Mo' },
  deleteConfirm: { ar: 'هل تريد حذف هذا الملف؟', en: 'Delete this file?', fr: 'Supprimer ce fichier\u00a0?' },

  // audit
  from: { ar: 'من تاريخ', en: 'From', fr: 'Du' },
  to: { ar: 'إلى تاريخ', en: 'To', fr: 'Au' },
  source: { ar: 'المصدر', en: 'Source', fr: 'Source' },
  allSources: { ar: 'الكل', en: 'All', fr: 'Toutes' },
  source_admin: { ar: 'تعديلات الإدارة', en: 'Admin changes', fr: 'Modifications de l’administration' },
  source_ticket: { ar: 'الأدوار', en: 'Tickets', fr: 'Tickets' },
  user: { ar: 'المستخدم', en: 'User', fr: 'Utilisateur' },
  anyone: { ar: 'الجميع', en: 'Anyone', fr: 'Tous' },
  filter: { ar: 'عرض', en: 'Show', fr: 'Afficher' },
  when: { ar: 'الوقت', en: 'When', fr: 'Quand' },
  who: { ar: 'من', en: 'Who', fr: 'Qui' },
  what: { ar: 'العملية', en: 'What', fr: 'Opération' },
  detailsCol: { ar: 'التفاصيل', en: 'Details', fr: 'Détails' },
  loadMore: { ar: 'عرض المزيد', en: 'Load more', fr: 'Afficher plus' },
  noEntries: { ar: 'لا توجد عمليات في هذه الفترة.', en: 'Nothing in this period.', fr: 'Aucune opération sur cette période.' },
  counterN: { ar: 'الشباك', en: 'Counter', fr: 'Guichet' },
  announceFr: { ar: 'النداء بالفرنسية', en: 'Announce in French', fr: 'Annonce en français' },

  // closures, in French
  closureReasonFr: { ar: 'السبب بالفرنسية', en: 'Reason (French)', fr: 'Motif (français)' },
} as const satisfies Record<string, Phrase>;

export type TextKey = keyof typeof T;

/** What each audit action is called. */
export const ACTIONS: Record<string, Phrase> = {
  create: { ar: 'أضاف', en: 'created', fr: 'a créé' },
  update: { ar: 'عدّل', en: 'changed', fr: 'a modifié' },
  revoke: { ar: 'ألغى ربط', en: 'revoked', fr: 'a révoqué' },
  upload: { ar: 'رفع', en: 'uploaded', fr: 'a téléversé' },
  delete: { ar: 'حذف', en: 'deleted', fr: 'a supprimé' },
  test_print: { ar: 'طبع تجريبياً على', en: 'test-printed on', fr: 'a imprimé un test sur' },
  issue: { ar: 'إصدار دور', en: 'Ticket issued', fr: 'Ticket délivré' },
  call: { ar: 'نداء', en: 'Called', fr: 'Appelé' },
  recall: { ar: 'إعادة نداء', en: 'Called again', fr: 'Rappelé' },
  start: { ar: 'بدء المعاملة', en: 'Service started', fr: 'Traitement commencé' },
  complete: { ar: 'إنهاء المعاملة', en: 'Completed', fr: 'Traitement terminé' },
  no_show: { ar: 'لم يحضر', en: 'No-show', fr: 'Absent' },
  transfer: { ar: 'تحويل', en: 'Transferred', fr: 'Transféré' },
  requeue: { ar: 'إعادة إلى الانتظار', en: 'Back to waiting', fr: 'Remis en attente' },
  move: { ar: 'نقل', en: 'Moved', fr: 'Déplacé' },
  cancel: { ar: 'إلغاء', en: 'Cancelled', fr: 'Annulé' },
};

export const ENTITIES: Record<string, Phrase> = {
  hall: { ar: 'إعدادات الصالة', en: 'the hall settings', fr: 'les réglages de la salle' },
  service: { ar: 'الخدمة', en: 'service', fr: 'le service' },
  counter: { ar: 'الشباك', en: 'counter', fr: 'le guichet' },
  user: { ar: 'المستخدم', en: 'user', fr: 'l’utilisateur' },
  device: { ar: 'الجهاز', en: 'device', fr: 'l’appareil' },
  printer: { ar: 'الطابعة', en: 'printer', fr: 'l’imprimante' },
  media: { ar: 'الملف', en: 'file', fr: 'le fichier' },
  closure: { ar: 'إغلاق يوم', en: 'closure of', fr: 'la fermeture du' },
};

/** What the fields an admin change records are called; the form's label where it has one. */
const FIELDS: Record<string, Phrase> = {
  ...Object.fromEntries(
    (
      ['routingPolicy', 'maxPriorityInRow', 'allowCallSpecific', 'noShowMinSeconds', 'carryOverWaiting', 'enforceHours', 'kioskReturnSeconds', 'alertQueueLength', 'digits', 'languages', 'hijriCalendar', 'printWhatToBring', 'publicUrl', 'remoteJoin', 'suggestOtherCentres', 'notify', 'retentionDays', 'name', 'timeZone', 'openingHours', 'code', 'kind', 'zone', 'role', 'displayName', 'active', 'size', 'target', 'dailyLimit', 'category', 'username'] as const
    ).map((key) => [key, T[key]]),
  ),
  autoNoShowAfterRecalls: T.autoNoShow,
  display: T.displaySettings,
  ticketFooter: { ar: 'تذييل البطاقة', en: 'Ticket footer', fr: 'Pied du ticket' },
  hours: T.openingHours,
  // A service's appointment settings and the hall's alike.
  appointments: { ar: 'إعدادات المواعيد', en: 'Appointment settings', fr: 'Réglages des rendez-vous' },
  whatToBring: { ar: 'الأوراق المطلوبة', en: 'What to bring', fr: 'Pièces à fournir' },
  reason: T.closureReason,
  targetWaitMinutes: T.targetWait,
  averageServiceMinutes: T.averageDuration,
  sortOrder: { ar: 'الترتيب', en: 'Order', fr: 'Ordre' },
  number: T.counterNumber,
  serviceIds: T.services,
  qualifiedServiceIds: T.counterQualified,
  widthDots: T.width,
  kioskId: T.kiosk,
  passwordReset: { ar: 'تغيير كلمة المرور', en: 'Password reset', fr: 'Changement du mot de passe' },
  replaced: { ar: 'استبدال ملف سابق', en: 'Replaced a file', fr: 'Remplacement d’un fichier' },
  jobId: { ar: 'رقم مهمة الطباعة', en: 'Print job', fr: 'Tâche d’impression' },
};
const OTHER_FIELD: Phrase = { ar: 'حقل آخر', en: 'Other field', fr: 'Autre champ' };

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const isName = (v: object): v is { ar: string; en?: string; fr?: string } => 'ar' in v && typeof v.ar === 'string';

/** A list in the language's words: «أ، ب», "a, b". */
export const listed = (items: string[], lang: Lang) => items.join(lang === 'ar' ? '، ' : ', ');

/** The words of a choice, as the form offers it: a role, a kind of device, a policy, digits, a language, a calendar. */
const CHOICES: Record<string, (v: string) => string> = {
  role: (v) => `role_${v}`,
  kind: (v) => `kind_${v}`,
  routingPolicy: (v) => `policy_${v}`,
  digits: (v) => (v === 'latn' ? 'digitsLatn' : 'digitsArab'),
  languages: (v) => ({ ar: 'arabic', en: 'english', fr: 'french' })[v] ?? v,
  hijriCalendar: (v) => `hijri_${v}`,
};

/** A field's value in the user's words; null for a structure (hours, a group of settings): its name says enough. */
function valueText(field: string, v: unknown, lang: Lang, digits: Digits): string | null {
  if (typeof v === 'number') return formatNumber(v, lang, digits);
  if (typeof v === 'boolean') return T[v ? 'yes' : 'no'][lang];
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? short(listed(v.map((x) => valueText(field, x, lang, digits)!), lang)) : null;
  if (typeof v === 'object' && v !== null) return isName(v) ? short(pick(v, lang)) : null;
  const choice = CHOICES[field]?.(String(v));
  return choice && choice in T ? T[choice as TextKey][lang] : short(String(v));
}

/**
 * An admin change's details as «الاسم: …» in the user's language and the hall's digits, never the
 * server's field names; the hall's settings are listed one by one.
 */
export function changeDetails(details: Record<string, unknown> | null, lang: Lang, digits: Digits): string {
  const { settings, ...rest } = details ?? {};
  const fields = { ...rest, ...(typeof settings === 'object' ? settings : {}) };
  return Object.entries(fields)
    .filter(([k, v]) => k !== 'label' && v !== null && v !== undefined)
    .map(([k, v]) => {
      const name = (FIELDS[k] ?? OTHER_FIELD)[lang];
      const value = valueText(k, v, lang, digits);
      return value === null ? name : labelled(name, lang) + value;
    })
    .join(' · ');
}

/** A field's own words for some problems, e.g. the service code's format. */
export type Hints = Partial<Record<string, Phrase>>;

/** «عنصراً واحداً», «عنصرين», «٣ عناصر»: what a list must hold, as the object of «اختر». */
const items = (n: number, digits: Digits) =>
  arabicCount(n, digits, { one: 'عنصراً واحداً', two: 'عنصرين', few: 'عناصر', many: 'عنصراً', other: 'عنصر' });

/** A field's problem in the current language; the bound in the hall's digits (Latin in English and French). */
export function issueText(issue: FieldIssue, lang: Lang, digits: Digits, hints: Hints = {}): string {
  const own = hints[issue.code];
  if (own) return own[lang];
  const n = issue.limit === undefined ? '' : formatNumber(issue.limit, lang, digits);
  const count = issue.limit ?? 1;
  const say = (ar: string, en: string, fr: string) => ({ ar, en, fr })[lang];
  switch (issue.code) {
    case 'required':
      return say('هذا الحقل مطلوب.', 'This field is required.', 'Ce champ est obligatoire.');
    case 'too_short':
      return say(`عدد الأحرف يجب ألا يقل عن ${n}.`, `Use at least ${n} characters.`, `Utilisez au moins ${frenchCount(count, 'caractère', 'caractères')}.`);
    case 'too_long':
      return say(`عدد الأحرف يجب ألا يزيد على ${n}.`, `Use at most ${n} characters.`, `Utilisez au plus ${frenchCount(count, 'caractère', 'caractères')}.`);
    case 'too_small':
      return say(`القيمة يجب ألا تقل عن ${n}.`, `Must be at least ${n}.`, `La valeur doit être d’au moins ${n}.`);
    case 'too_big':
      return say(`القيمة يجب ألا تزيد على ${n}.`, `Must be at most ${n}.`, `La valeur doit être d’au plus ${n}.`);
    case 'too_few':
      return say(`اختر ${items(count, digits)} على الأقل.`, `Choose at least ${count === 1 ? 'one' : n}.`, `Choisissez-en au moins ${count === 1 ? 'un' : n}.`);
    case 'too_many':
      return say(`العدد الأقصى ${n}.`, `At most ${n}.`, `${n}\u00a0au plus.`);
    case 'not_integer':
      return say('أدخل عدداً صحيحاً.', 'Enter a whole number.', 'Saisissez un nombre entier.');
    case 'invalid_type':
      return say('القيمة غير صالحة.', 'Enter a valid value.', 'Saisissez une valeur valide.');
    case 'invalid_format':
      return say('الصيغة غير صحيحة.', 'The format is not valid.', 'Le format n’est pas valide.');
    case 'invalid_value':
      return say('اختر أحد الخيارات المتاحة.', 'Choose one of the options.', 'Choisissez l’une des options proposées.');
    case 'duplicate':
      return say('هذه القيمة مستخدمة من قبل.', 'This value is already used.', 'Cette valeur est déjà utilisée.');
    case 'repeated':
      return say('لا تكرّر العنصر نفسه.', 'Do not list the same item twice.', 'N’indiquez pas deux fois le même élément.');
    case 'unknown_time_zone':
      return say(
        `منطقة زمنية غير معروفة. مثال صحيح: ${ltr('Asia/Damascus')}`,
        'Unknown time zone. A valid example: Asia/Damascus',
        'Fuseau horaire inconnu. Exemple valide\u00a0: Africa/Algiers',
      );
    case 'overlap':
      return say('هذه الفترة تتداخل مع الفترة التي قبلها.', 'This period overlaps the one before it.', 'Cette plage chevauche la précédente.');
    case 'open_after_close':
      return say('وقت البداية يجب أن يسبق وقت النهاية.', 'The opening time must come before the closing time.', 'L’heure d’ouverture doit précéder l’heure de fermeture.');
    case 'needs_arabic':
      return say('اكتبه بالعربية أيضاً، أو اترك حقوله كلها فارغة.', 'Fill in the Arabic too, or leave them all empty.', 'Remplissez aussi l’arabe, ou laissez-les tous vides.');
    case 'last_admin':
      return say('يجب أن يبقى في الصالة مدير نظام واحد فعّال على الأقل.', 'The hall must keep at least one active admin.', 'La salle doit garder au moins un administrateur actif.');
    case 'printer_target':
      return say(
        `عنوان غير صالح: استخدم ${ltr('tcp://')} ثم عنوان الطابعة ومنفذها، أو مساراً مثل ${ltr('/dev/usb/lp0')}، أو ${ltr('agent:')} ثم رقم جهاز برنامج الطابعة.`,
        'Not a valid target: use tcp://host:port, a path such as /dev/usb/lp0, or agent:<printer agent device id>.',
        'Adresse non valide\u00a0: utilisez tcp://hôte:port, un chemin comme /dev/usb/lp0, ou agent:<numéro d’appareil de l’agent d’impression>.',
      );
    case 'common_password':
      return say('كلمة المرور هذه من أكثر كلمات المرور شيوعاً، فاختر غيرها.', 'This is one of the most common passwords; choose another.', 'Ce mot de passe est l’un des plus courants\u00a0; choisissez-en un autre.');
    case 'one_character':
      return say('لا يجوز أن تكون كلمة المرور حرفاً واحداً مكرراً.', 'A password cannot be one character repeated.', 'Un mot de passe ne peut pas être un seul caractère répété.');
    case 'same_as_username':
      return say('لا يجوز أن تكون كلمة المرور هي اسم المستخدم.', 'The password cannot be the username.', 'Le mot de passe ne peut pas être le nom d’utilisateur.');
    case 'not_kiosk':
      return say('اختر جهاز إصدار دور.', 'Choose a kiosk.', 'Choisissez une borne.');
    case 'file_name':
    case 'media_extension':
      return say('اسم الملف غير مقبول.', 'This file name is not accepted.', 'Ce nom de fichier n’est pas accepté.');
    case 'media_type':
      return say('نوع الملف غير مقبول: صور أو فيديو فقط.', 'This kind of file is not accepted: images or videos only.', 'Ce type de fichier n’est pas accepté\u00a0: images ou vidéos uniquement.');
    case 'local_address':
      return say('هذا العنوان داخل شبكة الخادم نفسه، فلا يُقبل.', "This address is on the server's own network: it is not accepted.", 'Cette adresse est sur le réseau du serveur lui-même\u00a0: elle n’est pas acceptée.');
    case 'ill_formed_text':
      return say('في النص رموز غير صالحة. اكتبه من جديد.', 'The text has invalid characters. Type it again.', 'Le texte contient des caractères non valides. Saisissez-le à nouveau.');
    default:
      return say('القيمة غير صالحة.', 'Enter a valid value.', 'Saisissez une valeur valide.');
  }
}
