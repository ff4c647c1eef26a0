import { pick } from '../../ui-kit/i18n.js';
import type { Bilingual, WhatToBring } from '../protocol/schemas.js';

// Names and lists an admin typed, in Arabic and, where given, English and French: a null column
// is a language not given, and the API leaves its key out (the UIs' pick() falls back).

const given = <T,>(ar: T, en: T | null, fr: T | null) => ({ ar, ...(en !== null ? { en } : {}), ...(fr !== null ? { fr } : {}) });

/** A row's names as the API answers them. */
export const namesOf = (row: { nameAr: string; nameEn: string | null; nameFr: string | null }): Bilingual => given(row.nameAr, row.nameEn, row.nameFr);

/** The columns of a name as typed (a name without English or French clears it). */
export const nameColumns = (name: Bilingual) => ({ nameAr: name.ar, nameEn: name.en ?? null, nameFr: name.fr ?? null });

/** A service's papers to bring, as the API answers them. */
export const papersOf = (row: { whatToBringAr: string[]; whatToBringEn: string[] | null; whatToBringFr: string[] | null }): WhatToBring =>
  given(row.whatToBringAr, row.whatToBringEn, row.whatToBringFr);

/** The columns of the papers as typed: an empty English or French list is none given, so the page shows another language's. */
export const paperColumns = (papers: WhatToBring) => ({
  whatToBringAr: papers.ar,
  whatToBringEn: papers.en?.length ? papers.en : null,
  whatToBringFr: papers.fr?.length ? papers.fr : null,
});

/** A service's heading on the kiosk's menu, when it has one. */
export const categoryOf = (row: { categoryAr: string | null; categoryEn: string | null; categoryFr: string | null }): Bilingual | undefined =>
  row.categoryAr === null ? undefined : given(row.categoryAr, row.categoryEn, row.categoryFr);

/** A name as a report's label: English always (the CSV's and older clients' column), French where given. */
export const reportLabel = (name: Bilingual) => ({ ...name, en: pick(name, 'en') });
