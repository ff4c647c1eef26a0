import type { Service } from '../../server/protocol/schemas.js';
import { arabicCount, formatNumber, frenchCount, pick, type Digits, type Lang } from '../../ui-kit/i18n.js';

// Everything the staff app says (the admin area has its own words). English labels of the
// clerk's main buttons are their accessible names, exactly as API.md lists them.

export const TEXT = {
  appName: { ar: 'دَوْر', en: 'Dawr', fr: 'Dawr' },
  // login
  loginTitle: { ar: 'دخول الموظفين', en: 'Staff sign-in', fr: 'Connexion du personnel' },
  username: { ar: 'اسم المستخدم', en: 'Username', fr: 'Nom d’utilisateur' },
  password: { ar: 'كلمة المرور', en: 'Password', fr: 'Mot de passe' },
  logIn: { ar: 'تسجيل الدخول', en: 'Log in', fr: 'Se connecter' },
  loggingIn: { ar: 'جارٍ الدخول…', en: 'Logging in…', fr: 'Connexion…' },
  wrongCredentials: { ar: 'اسم المستخدم أو كلمة المرور غير صحيحة', en: 'Wrong username or password', fr: 'Nom d’utilisateur ou mot de passe incorrect' },
  sessionEnded: { ar: 'انتهت الجلسة، يرجى تسجيل الدخول مجدداً', en: 'Your session has ended: please log in again', fr: 'Votre session a pris fin\u00a0: veuillez vous reconnecter' },
  logOut: { ar: 'تسجيل الخروج', en: 'Log out', fr: 'Se déconnecter' },
  // shell
  navLabel: { ar: 'الأقسام', en: 'Sections', fr: 'Rubriques' },
  areaClerk: { ar: 'الشباك', en: 'Counter', fr: 'Guichet' },
  areaSupervisor: { ar: 'لوحة الإشراف', en: 'Supervision', fr: 'Supervision' },
  areaAdmin: { ar: 'الإدارة', en: 'Administration', fr: 'Administration' },
  areaReports: { ar: 'التقارير', en: 'Reports', fr: 'Rapports' },
  areaAppointments: { ar: 'المواعيد', en: 'Appointments', fr: 'Rendez-vous' },
  // appointments
  appointmentsOf: { ar: 'مواعيد يوم', en: 'Appointments on', fr: 'Rendez-vous du' },
  noAppointments: { ar: 'لا توجد مواعيد في هذا اليوم.', en: 'No appointments on this day.', fr: 'Aucun rendez-vous ce jour-là.' },
  appointmentCode: { ar: 'الرمز', en: 'Code', fr: 'Code' },
  appointmentTime: { ar: 'الوقت', en: 'Time', fr: 'Heure' },
  appointmentStatus: { ar: 'الحالة', en: 'Status', fr: 'État' },
  appointmentTicket: { ar: 'رقم الدور', en: 'Ticket', fr: 'Ticket' },
  appt_booked: { ar: 'محجوز', en: 'Booked', fr: 'Réservé' },
  appt_checked_in: { ar: 'حضر', en: 'Checked in', fr: 'Arrivé' },
  appt_cancelled: { ar: 'ملغى', en: 'Cancelled', fr: 'Annulé' },
  appt_no_show: { ar: 'لم يحضر', en: 'No-show', fr: 'Absent' },
  appt_done: { ar: 'انتهى', en: 'Done', fr: 'Terminé' },
  cancelAppointment: { ar: 'إلغاء الموعد', en: 'Cancel appointment', fr: 'Annuler le rendez-vous' },
  bookForCitizen: { ar: 'حجز موعد لمواطن', en: 'Book for a citizen', fr: 'Réserver pour un usager' },
  day: { ar: 'اليوم', en: 'Day', fr: 'Jour' },
  freeSlots: { ar: 'الأوقات المتاحة', en: 'Free times', fr: 'Horaires libres' },
  noFreeSlots: { ar: 'لا توجد أوقات متاحة في هذا اليوم.', en: 'No free times on this day.', fr: 'Aucun horaire libre ce jour-là.' },
  citizenPhone: { ar: 'هاتف المواطن للتذكير (اختياري)', en: "Citizen's phone for reminders (optional)", fr: 'Téléphone de l’usager pour les rappels (facultatif)' },
  book: { ar: 'احجز', en: 'Book', fr: 'Réserver' },
  bookedCode: { ar: 'تم الحجز. رمز الموعد:', en: 'Booked. Appointment code:', fr: 'Rendez-vous réservé. Code du rendez-vous\u00a0:' },
  role_clerk: { ar: 'موظف', en: 'Clerk', fr: 'Agent' },
  role_supervisor: { ar: 'مشرف', en: 'Supervisor', fr: 'Superviseur' },
  role_admin: { ar: 'مدير النظام', en: 'Administrator', fr: 'Administrateur' },
  offline: { ar: 'لا يوجد اتصال بالخادم، جارٍ المحاولة مجدداً…', en: 'No connection to the server. Trying again…', fr: 'Pas de connexion au serveur. Nouvelle tentative…' },
  liveLost: { ar: 'انقطع التحديث المباشر، جارٍ إعادة الاتصال…', en: 'Live updates lost. Reconnecting…', fr: 'Mises à jour en direct interrompues. Reconnexion…' },
  cancel: { ar: 'إلغاء', en: 'Cancel', fr: 'Annuler' },
  close: { ar: 'إغلاق', en: 'Close', fr: 'Fermer' },
  save: { ar: 'حفظ', en: 'Save', fr: 'Enregistrer' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…', fr: 'Chargement…' },
  // counters
  chooseCounter: { ar: 'اختر الشباك الذي ستعمل عليه', en: 'Choose the counter you work at', fr: 'Choisissez le guichet où vous travaillez' },
  noCounters: { ar: 'لا توجد شبابيك مفعّلة. راجع مدير النظام.', en: 'There are no active counters. Ask an administrator.', fr: 'Aucun guichet n’est activé. Adressez-vous à l’administrateur.' },
  state_open: { ar: 'مفتوح', en: 'Open', fr: 'Ouvert' },
  state_paused: { ar: 'متوقف مؤقتاً', en: 'Paused', fr: 'En pause' },
  state_closed: { ar: 'مغلق', en: 'Closed', fr: 'Fermé' },
  yours: { ar: 'شباكك', en: 'Yours', fr: 'Le vôtre' },
  inUse: { ar: 'يعمل عليه موظف آخر', en: 'In use by another clerk', fr: 'Occupé par un autre agent' },
  openCounter: { ar: 'فتح الشباك', en: 'Open', fr: 'Ouvrir' },
  resume: { ar: 'استئناف العمل', en: 'Resume', fr: 'Reprendre' },
  pause: { ar: 'إيقاف مؤقت', en: 'Pause', fr: 'Pause' },
  closeCounter: { ar: 'إغلاق الشباك', en: 'Close counter', fr: 'Fermer le guichet' },
  changeCounter: { ar: 'تغيير الشباك', en: 'Change counter', fr: 'Changer de guichet' },
  pauseTitle: { ar: 'ما سبب الإيقاف المؤقت؟', en: 'Why are you pausing?', fr: 'Pourquoi faites-vous une pause\u00a0?' },
  reason_break: { ar: 'استراحة', en: 'Break', fr: 'Pause' },
  reason_prayer: { ar: 'صلاة', en: 'Prayer', fr: 'Prière' },
  reason_back_office: { ar: 'عمل مكتبي', en: 'Back office', fr: 'Travail de bureau' },
  pausedBanner: { ar: 'الشباك متوقف مؤقتاً', en: 'This counter is paused', fr: 'Ce guichet est en pause' },
  pausedHelp: { ar: 'اضغط «استئناف العمل» أو «النداء التالي» للعودة إلى العمل', en: 'Press Resume or Call next to get back to work', fr: 'Appuyez sur «\u00a0Reprendre\u00a0» ou «\u00a0Appeler le suivant\u00a0» pour reprendre le travail' },
  closedBanner: { ar: 'الشباك مغلق. افتحه أو اضغط «النداء التالي» لبدء العمل.', en: 'This counter is closed. Open it, or press Call next to start.', fr: 'Ce guichet est fermé. Ouvrez-le, ou appuyez sur «\u00a0Appeler le suivant\u00a0» pour commencer.' },
  services: { ar: 'الخدمات', en: 'Services', fr: 'Services' },
  // the clerk's buttons (English: the accessible names of API.md)
  callNext: { ar: 'النداء التالي', en: 'Call next', fr: 'Appeler le suivant' },
  recall: { ar: 'إعادة النداء', en: 'Recall', fr: 'Rappeler' },
  start: { ar: 'بدء الخدمة', en: 'Start', fr: 'Commencer' },
  complete: { ar: 'إنهاء', en: 'Complete', fr: 'Terminer' },
  completeWithNote: { ar: 'إنهاء مع ملاحظة', en: 'Complete with note', fr: 'Terminer avec une note' },
  noShow: { ar: 'لم يحضر', en: 'No-show', fr: 'Absent' },
  transfer: { ar: 'تحويل', en: 'Transfer', fr: 'Transférer' },
  requeue: { ar: 'إعادة إلى الدور', en: 'Return to queue', fr: 'Remettre dans la file' },
  shortcut: { ar: 'اختصار لوحة المفاتيح', en: 'Keyboard shortcut', fr: 'Raccourci clavier' },
  // the current ticket
  atCounter: { ar: 'عند الشباك', en: 'At the counter', fr: 'Au guichet' },
  noTicket: { ar: 'لا يوجد مراجع عند الشباك', en: 'No one at the counter', fr: 'Personne au guichet' },
  pressCallNext: { ar: 'اضغط «النداء التالي» لاستدعاء المراجع التالي', en: 'Press Call next for the next citizen', fr: 'Appuyez sur «\u00a0Appeler le suivant\u00a0» pour faire venir l’usager suivant' },
  nothingWaiting: { ar: 'لا أحد في الانتظار لخدمات هذا الشباك', en: "No one is waiting for this counter's services", fr: 'Personne n’attend pour les services de ce guichet' },
  status_called: { ar: 'تم النداء، بانتظار حضور المراجع', en: 'Called: waiting for the citizen', fr: 'Appelé\u00a0: en attente de l’usager' },
  status_serving: { ar: 'قيد الخدمة', en: 'Being served', fr: 'En cours de traitement' },
  servingFor: { ar: 'مدة الخدمة', en: 'Serving for', fr: 'Traitement depuis' },
  sinceCall: { ar: 'منذ النداء', en: 'Since the call', fr: 'Depuis l’appel' },
  waited: { ar: 'الانتظار', en: 'Waited', fr: 'Attente' },
  whyThis: { ar: 'سبب الاختيار', en: 'Why this ticket', fr: 'Pourquoi ce ticket' },
  recalls: { ar: 'مرات إعادة النداء', en: 'Recalls', fr: 'Rappels' },
  priority: { ar: 'أولوية', en: 'Priority', fr: 'Prioritaire' },
  autoNoShowHint: { ar: 'يُسجَّل «لم يحضر» تلقائياً بعد إعادة النداء', en: 'Marked no-show automatically after recall', fr: 'Marqué absent automatiquement après le rappel' },
  // a no-show: confirmed soon after the call, and returnable for a while
  confirmNoShow: { ar: 'نعم، لم يحضر', en: 'Yes, no-show', fr: 'Oui, absent' },
  recallInstead: { ar: 'إعادة النداء بدلاً من ذلك', en: 'Recall instead', fr: 'Rappeler plutôt' },
  goBack: { ar: 'تراجع', en: 'Go back', fr: 'Revenir' },
  returnToLine: { ar: 'إعادته إلى مكانه في الصف', en: 'Return to its place in line', fr: 'Le remettre à sa place dans la file' },
  // the side panel
  waitingForYou: { ar: 'المنتظرون لخدمات الشباك', en: "Waiting for this counter's services", fr: 'En attente pour les services de ce guichet' },
  transferredHere: { ar: 'محوَّلون إلى هذا الشباك', en: 'Transferred to this counter', fr: 'Transférés à ce guichet' },
  noOneWaiting: { ar: 'لا أحد في الانتظار', en: 'No one waiting', fr: 'Personne n’attend' },
  myDay: { ar: 'إنجازي اليوم', en: 'My day', fr: 'Ma journée' },
  served: { ar: 'تمت خدمتهم', en: 'Served', fr: 'Servis' },
  noShows: { ar: 'لم يحضروا', en: 'No-shows', fr: 'Absents' },
  waitingList: { ar: 'قائمة الانتظار', en: 'Waiting list', fr: 'File d’attente' },
  callThis: { ar: 'نداء', en: 'Call', fr: 'Appeler' },
  // dialogs
  transferTitle: { ar: 'تحويل الدور', en: 'Transfer ticket', fr: 'Transférer le ticket' },
  toService: { ar: 'إلى خدمة', en: 'To a service', fr: 'Vers un service' },
  toCounter: { ar: 'إلى شباك', en: 'To a counter', fr: 'Vers un guichet' },
  note: { ar: 'ملاحظة (اختيارية)', en: 'Note (optional)', fr: 'Note (facultative)' },
  confirmTransfer: { ar: 'تأكيد التحويل', en: 'Confirm transfer', fr: 'Confirmer le transfert' },
  completeTitle: { ar: 'إنهاء الدور', en: 'Complete ticket', fr: 'Terminer le ticket' },
  outcome: { ar: 'نتيجة المراجعة', en: 'Outcome', fr: 'Résultat' },
  outcome_none: { ar: 'بلا تحديد', en: 'Not stated', fr: 'Non précisé' },
  outcome_done: { ar: 'أُنجزت المعاملة', en: 'Request completed', fr: 'Démarche aboutie' },
  outcome_missing_documents: { ar: 'أوراق ناقصة', en: 'Missing documents', fr: 'Pièces manquantes' },
  outcome_referred: { ar: 'أُحيل إلى جهة أخرى', en: 'Referred elsewhere', fr: 'Orienté ailleurs' },
  outcome_information: { ar: 'استعلام فقط', en: 'Information only', fr: 'Simple renseignement' },
  confirmComplete: { ar: 'تأكيد الإنهاء', en: 'Confirm completion', fr: 'Confirmer' },
  // supervisor
  alerts: { ar: 'التنبيهات', en: 'Alerts', fr: 'Alertes' },
  advice: { ar: 'توصيات التوزيع', en: 'Staffing advice', fr: 'Conseils de répartition' },
  noAdvice: { ar: 'لا توصيات الآن', en: 'No advice now', fr: 'Aucun conseil pour le moment' },
  applyAdvice: { ar: 'طبّق', en: 'Apply', fr: 'Appliquer' },
  dismissAdvice: { ar: 'تجاهل', en: 'Dismiss', fr: 'Ignorer' },
  allClear: { ar: 'لا توجد تنبيهات، كل شيء على ما يرام', en: 'No alerts: all is well', fr: 'Aucune alerte\u00a0: tout va bien' },
  soundOn: { ar: 'الصوت مفعّل', en: 'Sound on', fr: 'Son activé' },
  soundOff: { ar: 'الصوت مكتوم', en: 'Sound off', fr: 'Son coupé' },
  counters: { ar: 'الشبابيك', en: 'Counters', fr: 'Guichets' },
  clerk: { ar: 'الموظف', en: 'Clerk', fr: 'Agent' },
  ready: { ar: 'جاهز للنداء', en: 'Ready to call', fr: 'Prêt à appeler' },
  editServices: { ar: 'الخدمات', en: 'Services', fr: 'Services' },
  counterServicesTitle: { ar: 'خدمات', en: 'Services of', fr: 'Services —' },
  servicesOrderHint: { ar: 'يُنادى أولاً على الخدمة الأعلى في القائمة.', en: 'The service higher in the list is called first.', fr: 'Le service placé le plus haut dans la liste est appelé en premier.' },
  moveUp: { ar: 'رفع', en: 'Move up', fr: 'Monter' },
  service: { ar: 'الخدمة', en: 'Service', fr: 'Service' },
  waiting: { ar: 'بالانتظار', en: 'Waiting', fr: 'En attente' },
  servicesInMinutes: { ar: 'الخدمات (الأوقات بالدقائق)', en: 'Services (times in minutes)', fr: 'Services (durées en minutes)' },
  longestWait: { ar: 'أطول انتظار / الهدف', en: 'Longest wait / target', fr: 'Attente la plus longue / objectif' },
  estimate: { ar: 'انتظار دور جديد', en: 'New ticket waits', fr: 'Attente d’un nouveau ticket' },
  board_called: { ar: 'مُنادى', en: 'Called', fr: 'Appelé' },
  board_serving: { ar: 'قيد الخدمة', en: 'Serving', fr: 'En cours' },
  status: { ar: 'الحالة', en: 'Status', fr: 'État' },
  serviceOpen: { ar: 'تستقبل', en: 'Taking tickets', fr: 'Délivre des tickets' },
  closeToday: { ar: 'إغلاق لبقية اليوم', en: 'Close for today', fr: 'Fermer pour aujourd’hui' },
  reopen: { ar: 'إعادة الفتح', en: 'Reopen', fr: 'Rouvrir' },
  confirmCloseToday: {
    ar: 'لن تُصدَر أدوار جديدة لهذه الخدمة حتى يوم العمل التالي، ويُخدم من ينتظر الآن. هل أنت متأكد؟',
    en: 'No new tickets for this service until the next business day; those waiting now are still served. Are you sure?',
    fr: 'Plus aucun ticket ne sera délivré pour ce service avant le prochain jour ouvré\u00a0; les personnes qui attendent seront servies. Confirmer\u00a0?',
  },
  waitingTickets: { ar: 'الأدوار المنتظرة', en: 'Waiting tickets', fr: 'Tickets en attente' },
  allServices: { ar: 'كل الخدمات', en: 'All services', fr: 'Tous les services' },
  move: { ar: 'نقل', en: 'Move', fr: 'Déplacer' },
  moveTitle: { ar: 'نقل الدور إلى خدمة أخرى', en: 'Move the ticket to another service', fr: 'Déplacer le ticket vers un autre service' },
  confirmMove: { ar: 'تأكيد النقل', en: 'Confirm move', fr: 'Confirmer le déplacement' },
  cancelTicket: { ar: 'إلغاء الدور', en: 'Cancel ticket', fr: 'Annuler le ticket' },
  confirmCancelTicket: { ar: 'سيُلغى هذا الدور ولن يُنادى عليه. هل أنت متأكد؟', en: 'This ticket will be cancelled and never called. Are you sure?', fr: 'Ce ticket sera annulé et ne sera jamais appelé. Confirmer\u00a0?' },
  keepTicket: { ar: 'تراجع', en: 'Keep it', fr: 'Le garder' },
  noShowsToday: { ar: 'لم يحضروا اليوم', en: "Today's no-shows", fr: 'Absents du jour' },
  noNoShowsToday: { ar: 'لم يتخلّف أحد عن دوره اليوم', en: 'No no-shows today', fr: 'Aucun absent aujourd’hui' },
  confirmReturnToLine: {
    ar: 'يعود الدور إلى مكانه في الصف بحسب وقت إصداره، فيُنادى قبل الأدوار التي صدرت بعده.',
    en: 'The ticket goes back to its place in line by the time it was issued, and is called before tickets issued after it.',
    fr: 'Le ticket reprend sa place dans la file selon son heure d’émission\u00a0: il sera appelé avant les tickets émis après lui.',
  },
  printers: { ar: 'الطابعات', en: 'Printers', fr: 'Imprimantes' },
  displays: { ar: 'الشاشات', en: 'Displays', fr: 'Écrans' },
  printer_online: { ar: 'تعمل', en: 'Online', fr: 'En service' },
  printer_offline: { ar: 'غير متصلة', en: 'Offline', fr: 'Hors ligne' },
  printer_paper_out: { ar: 'نفد الورق', en: 'Out of paper', fr: 'Plus de papier' },
  printer_unknown: { ar: 'غير معروفة', en: 'Unknown', fr: 'État inconnu' },
  displayOnline: { ar: 'متصلة', en: 'Connected', fr: 'Connecté' },
  displayOffline: { ar: 'غير متصلة', en: 'Offline', fr: 'Hors ligne' },
  displayNeverSeen: { ar: 'لم تتصل بعد', en: 'Never connected', fr: 'Jamais connecté' },
  none: { ar: 'لا يوجد', en: 'None', fr: 'Aucun' },
} as const;

export type TextKey = keyof typeof TEXT;

/** «تسجيل الدور B007 «لم يحضر»؟» / "Mark B007 as no-show?" (`number` already formatted). */
export const noShowQuestion = (number: string, lang: Lang) =>
  ({ ar: `تسجيل الدور ${number} «لم يحضر»؟`, en: `Mark ${number} as no-show?`, fr: `Marquer ${number} comme absent\u00a0?` })[lang];

/** Why a no-show this soon is asked about: «نُودي منذ ٢٠ ثانية ولم يُعَد النداء بعد…». */
export function noShowTooSoon(seconds: number, lang: Lang, digits: Digits): string {
  if (lang === 'en') return `Called ${seconds} s ago and not recalled yet: the citizen may still be on the way to the counter.`;
  if (lang === 'fr') return `Appelé il y a ${frenchCount(seconds, 'seconde', 'secondes')} sans rappel\u00a0: l’usager est peut-être encore en chemin vers le guichet.`;
  const since = arabicCount(seconds, digits, { one: 'ثانية واحدة', two: 'ثانيتين', few: 'ثوانٍ', many: 'ثانية', other: 'ثانية' });
  return `نُودي منذ ${since} ولم يُعَد النداء بعد، ولعلّ صاحبه في الطريق إلى الشباك.`;
}

/** «سُجِّل الدور B007 «لم يحضر».» / "B007 marked no-show." */
export const markedNoShow = (number: string, lang: Lang) =>
  ({ ar: `سُجِّل الدور ${number} «لم يحضر».`, en: `${number} marked no-show.`, fr: `${number} marqué absent.` })[lang];

/** «نُودي الساعة ١٠:٠٢» / "called at 10:02" (`time` already formatted). */
export const calledAtTime = (time: string, lang: Lang) => ({ ar: `نُودي الساعة ${time}`, en: `called at ${time}`, fr: `appelé à ${time}` })[lang];

/** «١٨ دقيقة» / "18 min" / « 18 min »; under a minute: «أقل من دقيقة» / "under a minute" / « moins d’une minute ». */
export function minutes(n: number, lang: Lang, digits: Digits): string {
  if (n < 1) return { ar: 'أقل من دقيقة', en: 'under a minute', fr: 'moins d’une minute' }[lang];
  if (lang === 'en') return `${n} min`;
  if (lang === 'fr') return `${n}\u00a0min`;
  return arabicCount(n, digits, { one: 'دقيقة واحدة', two: 'دقيقتان', few: 'دقائق', many: 'دقيقة', other: 'دقيقة' });
}

/** How long a waiting ticket has waited since it was issued, in whole minutes as `minutes` writes them. */
export const waitedSince = (issuedAt: string, now: number, lang: Lang, digits: Digits) =>
  minutes(Math.floor((now - Date.parse(issuedAt)) / 60000), lang, digits);

/** «منذ ٥ دقائق» / "5 min ago" / « il y a 5 min ». */
export function ago(at: string, now: number, lang: Lang, digits: Digits): string {
  const span = waitedSince(at, now, lang, digits);
  return { ar: `منذ ${span}`, en: `${span} ago`, fr: `il y a ${span}` }[lang];
}

/** A running time: «٤:٠٧» / "4:07", with hours when it passes one. */
export function clock(seconds: number, lang: Lang, digits: Digits): string {
  const s = Math.max(0, Math.floor(seconds));
  const n = (v: number, pad = 2) => formatNumber(v, lang, digits).padStart(pad, formatNumber(0, lang, digits));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${n(h, 1)}:${n(m)}:${n(s % 60)}` : `${n(m, 1)}:${n(s % 60)}`;
}

/** A list in the language's own punctuation: «B، E» / "B, E". */
export const listOf = (items: string[], lang: Lang) => items.join(lang === 'ar' ? '، ' : ', ');

/** Wraps a name from the data (often in the other script) so that it does not reorder the sentence around it. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** «الشباك ٣» / "Counter 3" / « Guichet 3 »: also the accessible name of a counter's button. */
export function counterName(number: number, lang: Lang, digits: Digits): string {
  return { ar: `الشباك ${formatNumber(number, 'ar', digits)}`, en: `Counter ${number}`, fr: `Guichet ${number}` }[lang];
}

/** A service's code by id; '' when the hall has no such service (any more). */
export const serviceCode = (services: Service[], id: number) => services.find((s) => s.id === id)?.code ?? '';

/** A service's name by id, in the language; '' when the hall has no such service (any more). */
export function serviceName(services: Service[], id: number, lang: Lang): string {
  const s = services.find((x) => x.id === id);
  return s ? pick(s.name, lang) : '';
}
