import type { Connection } from './connection.js';
import { counterServices, counters, devices, halls, printers, services, users, type HallSettings, type OpeningHours } from './schema.js';
import { hashPassword, hashToken, newToken, randomPassword } from '../server/security.js';

// What a new database starts with: the hall and its admin, and with SEED=demo a municipal
// citizen-service hall to try everything on (SEED=demo-fr: the same hall in Algiers, in Arabic and French).

export const DEFAULT_SETTINGS: HallSettings = {
  routingPolicy: 'default',
  maxPriorityInRow: 2,
  carryOverWaiting: false,
  digits: 'arab',
  languages: ['ar', 'en'],
  ticketFooter: {
    ar: 'نحترم خصوصيتك: لا تحمل هذه البطاقة أي بيانات شخصية.',
    en: 'We respect your privacy: this ticket carries no personal details.',
  },
  enforceHours: true,
  kioskReturnSeconds: 20,
};

/** The demo hall keeps real office hours on paper but takes tickets at any hour, so it can be tried any time. */
export const DEMO_SETTINGS: HallSettings = { ...DEFAULT_SETTINGS, enforceHours: false };

const WORKDAY: [number, number][] = [[8 * 60, 15 * 60]];
/** Sunday to Thursday 08:00–15:00, as Syrian public offices keep; Friday and Saturday closed. */
export const DEFAULT_OPENING_HOURS: OpeningHours = { 0: WORKDAY, 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: [], 6: [] };

const BUILDING = { categoryAr: 'البناء والعقارات', categoryEn: 'Building and property' };
const GENERAL = { categoryAr: 'الرسوم والوثائق', categoryEn: 'Fees and documents' };

export const DEMO_SERVICES = [
  {
    code: 'B', nameAr: 'رخص البناء', nameEn: 'Building permits', targetWaitS: 1200, avgServiceS: 600, ...BUILDING,
    whatToBringAr: ['صورة الهوية الشخصية', 'سند الملكية أو بيان القيد العقاري', 'المخططات الهندسية مصدّقة من نقابة المهندسين', 'إيصال دفع الرسوم'],
    whatToBringEn: ['A copy of your ID card', 'The title deed or a land-registry statement', 'Engineering drawings certified by the Engineers Syndicate', 'The receipt for the fees paid'],
  },
  {
    code: 'P', nameAr: 'البيانات العقارية', nameEn: 'Property statements', targetWaitS: 900, avgServiceS: 300, ...BUILDING,
    whatToBringAr: ['الهوية الشخصية', 'رقم العقار واسم المنطقة العقارية', 'وكالة رسمية إن كنت تراجع عن المالك', 'الطوابع المالية المطلوبة'],
    whatToBringEn: ['Your ID card', 'The property number and its cadastral area', "A power of attorney if you come on the owner's behalf", 'The required revenue stamps'],
  },
  {
    code: 'F', nameAr: 'الرسوم والضرائب', nameEn: 'Fees and taxes', targetWaitS: 600, avgServiceS: 180, ...GENERAL,
    whatToBringAr: ['الهوية الشخصية', 'رقم العقار أو المحل', 'آخر إشعار أو إيصال دفع إن وُجد', 'المبلغ المستحق نقداً'],
    whatToBringEn: ['Your ID card', 'The property or shop number', 'Your latest notice or payment receipt, if you have one', 'The amount due, in cash'],
  },
  {
    code: 'D', nameAr: 'الوثائق المدنية', nameEn: 'Civil documents', targetWaitS: 900, avgServiceS: 240, ...GENERAL,
    whatToBringAr: ['الهوية الشخصية أو دفتر العائلة', 'صورتان شخصيتان حديثتان', 'بيان من المختار إن طُلب منك', 'الطوابع المالية المطلوبة'],
    whatToBringEn: ['Your ID card or family booklet', 'Two recent passport photos', "A statement from the mukhtar, if you were asked for one", 'The required revenue stamps'],
  },
  {
    code: 'C', nameAr: 'الشكاوى والاستعلامات', nameEn: 'Complaints and inquiries', targetWaitS: 900, avgServiceS: 420, ...GENERAL,
    whatToBringAr: ['الهوية الشخصية', 'رقم المعاملة إن كانت لك معاملة سابقة', 'أي أوراق أو صور تتعلق بالشكوى'],
    whatToBringEn: ['Your ID card', 'The file number of an earlier application, if you have one', 'Any papers or photos about your complaint'],
  },
  {
    code: 'E', nameAr: 'التدقيق الهندسي', nameEn: 'Engineering review', targetWaitS: 1800, avgServiceS: 900, ...BUILDING,
    whatToBringAr: ['رقم المعاملة', 'المخططات الهندسية مصدّقة من نقابة المهندسين', 'تقرير المهندس المشرف', 'إيصال دفع رسوم التدقيق'],
    whatToBringEn: ['The file number', 'Engineering drawings certified by the Engineers Syndicate', "The supervising engineer's report", 'The receipt for the review fee'],
  },
];

/** The demo in French: a hall of the Maghreb, Latin digits, its week Sunday to Thursday. */
const DEMO_FR_SETTINGS: HallSettings = {
  ...DEMO_SETTINGS,
  digits: 'latn',
  languages: ['ar', 'fr'],
  ticketFooter: {
    ...DEFAULT_SETTINGS.ticketFooter,
    fr: 'Nous respectons votre vie privée\u00a0: ce ticket ne porte aucune donnée personnelle.',
  },
};

const FR_WORKDAY: [number, number][] = [[8 * 60, 16 * 60 + 30]];
/** Sunday to Thursday 08:00–16:30, as Algerian public offices keep; Friday and Saturday closed. */
const DEMO_FR_OPENING_HOURS: OpeningHours = { 0: FR_WORKDAY, 1: FR_WORKDAY, 2: FR_WORKDAY, 3: FR_WORKDAY, 4: FR_WORKDAY, 5: [], 6: [] };

const FR_BUILDING = 'Urbanisme et foncier';
const FR_GENERAL = 'Taxes et documents';

/** The demo services' French, by code. */
const DEMO_FRENCH: Record<string, { nameFr: string; categoryFr: string; whatToBringFr: string[] }> = {
  B: {
    nameFr: 'Permis de construire',
    categoryFr: FR_BUILDING,
    whatToBringFr: ['Une copie de votre carte d’identité', 'L’acte de propriété ou un extrait du livre foncier', 'Les plans certifiés par l’ordre des architectes', 'Le reçu de paiement des droits'],
  },
  P: {
    nameFr: 'Certificats fonciers',
    categoryFr: FR_BUILDING,
    whatToBringFr: ['Votre carte d’identité', 'Le numéro du bien et sa section cadastrale', 'Une procuration si vous venez pour le propriétaire', 'Les timbres fiscaux demandés'],
  },
  F: {
    nameFr: 'Taxes et redevances',
    categoryFr: FR_GENERAL,
    whatToBringFr: ['Votre carte d’identité', 'Le numéro du bien ou du local', 'Votre dernier avis ou reçu de paiement, si vous en avez un', 'La somme due, en espèces'],
  },
  D: {
    nameFr: 'État civil',
    categoryFr: FR_GENERAL,
    whatToBringFr: ['Votre carte d’identité ou votre livret de famille', 'Deux photos d’identité récentes', 'Un certificat de résidence, si on vous l’a demandé', 'Les timbres fiscaux demandés'],
  },
  C: {
    nameFr: 'Réclamations et renseignements',
    categoryFr: FR_GENERAL,
    whatToBringFr: ['Votre carte d’identité', 'Le numéro d’un dossier déjà déposé, si vous en avez un', 'Tout document ou photo concernant votre réclamation'],
  },
  E: {
    nameFr: 'Contrôle technique des plans',
    categoryFr: FR_BUILDING,
    whatToBringFr: ['Le numéro du dossier', 'Les plans certifiés par l’ordre des architectes', 'Le rapport de l’architecte chargé du suivi', 'Le reçu de paiement des frais de contrôle'],
  },
};

/** Counter number → its services by code, in its order of preference. */
const DEMO_COUNTERS: [number, string, string[]][] = [
  [1, 'A', ['B', 'E']],
  [2, 'A', ['B', 'P']],
  [3, 'A', ['P', 'B']],
  [4, 'B', ['F', 'P']],
  [5, 'B', ['F', 'D']],
  [6, 'B', ['D', 'F', 'C']],
  [7, 'C', ['C', 'D']],
  [8, 'C', ['E', 'B']],
];

export interface SeedReport {
  hallId: number;
  /** Set when the admin password was generated: shown once. */
  generatedAdminPassword?: string;
  /** The demo users' own passwords, when generated (no DEMO_PASSWORD): shown once. */
  generatedDemoPasswords?: { username: string; password: string }[];
  /** Device tokens, shown once. */
  devices: { id: number; kind: string; name: string; token: string }[];
}

/** The demo supervisor and clerk, each with `demoPassword` or a password of their own. */
async function demoUsersOf(demoPassword: string | undefined) {
  const users = [
    { username: 'supervisor', role: 'supervisor', displayName: 'المشرف' },
    { username: 'clerk', role: 'clerk', displayName: 'الموظف' },
  ] as const;
  return Promise.all(
    users.map(async (user) => {
      const password = demoPassword ?? randomPassword();
      return { ...user, password, passwordHash: await hashPassword(password) };
    }),
  );
}

export function isNewDatabase({ db }: Connection): boolean {
  return db.select({ id: halls.id }).from(halls).limit(1).all().length === 0;
}

export async function seedDatabase(
  conn: Connection,
  opts: { seed: 'demo' | 'demo-fr' | 'none'; adminPassword?: string; demoPassword?: string },
): Promise<SeedReport> {
  const password = opts.adminPassword ?? randomPassword();
  const passwordHash = await hashPassword(password);
  const report: SeedReport = { hallId: 0, devices: [] };
  if (!opts.adminPassword) report.generatedAdminPassword = password;
  // Never the admin's password: a hall that forgot SEED=none must not get two more admins' keys.
  const demo = opts.seed !== 'none';
  const french = opts.seed === 'demo-fr';
  const demoUsers = demo ? await demoUsersOf(opts.demoPassword) : [];
  if (demoUsers.length && !opts.demoPassword) report.generatedDemoPasswords = demoUsers.map(({ username, password }) => ({ username, password }));

  conn.sqlite.transaction(() => {
    const { db } = conn;
    const hall = db
      .insert(halls)
      .values({
        nameAr: 'مركز خدمة المواطن',
        nameEn: 'Citizen Service Centre',
        nameFr: french ? 'Centre de services aux citoyens' : null,
        timeZone: french ? 'Africa/Algiers' : 'Asia/Damascus',
        openingHours: french ? DEMO_FR_OPENING_HOURS : DEFAULT_OPENING_HOURS,
        settings: french ? DEMO_FR_SETTINGS : demo ? DEMO_SETTINGS : DEFAULT_SETTINGS,
      })
      .returning()
      .get();
    report.hallId = hall.id;
    db.insert(users).values({ hallId: hall.id, username: 'admin', passwordHash, role: 'admin', displayName: 'مدير النظام' }).run();
    if (!demo) return;

    const serviceIds = new Map<string, number>();
    DEMO_SERVICES.forEach((s, i) => {
      const row = db
        .insert(services)
        .values({ ...s, ...(french ? DEMO_FRENCH[s.code] : {}), hallId: hall.id, sortOrder: i })
        .returning()
        .get();
      serviceIds.set(s.code, row.id);
    });
    for (const [number, zone, codes] of DEMO_COUNTERS) {
      const qualifiedServiceIds = codes.map((code) => serviceIds.get(code)!);
      const counter = db.insert(counters).values({ hallId: hall.id, number, zone, qualifiedServiceIds }).returning().get();
      codes.forEach((code, rank) =>
        db.insert(counterServices).values({ counterId: counter.id, serviceId: serviceIds.get(code)!, rank }).run(),
      );
    }
    db.insert(users)
      .values(demoUsers.map(({ password: _, ...user }) => ({ ...user, hallId: hall.id })))
      .run();

    const device = (kind: 'kiosk' | 'display' | 'printer', name: string) => {
      const token = newToken('dev');
      const row = db.insert(devices).values({ hallId: hall.id, kind, name, tokenHash: hashToken(token) }).returning().get();
      report.devices.push({ id: row.id, kind, name, token });
      return row;
    };
    const kiosk = device('kiosk', 'كشك المدخل');
    device('display', 'شاشة صالة الانتظار');
    const printerAgent = device('printer', 'طابعة الكشك');
    db.insert(printers)
      .values({ hallId: hall.id, name: 'طابعة الكشك', target: `agent:${printerAgent.id}`, widthDots: 576, kioskId: kiosk.id })
      .run();
  })();
  return report;
}
