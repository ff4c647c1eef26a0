import type { Bilingual, WhatToBring } from '../protocol/schemas.js';

/** A row's names as the API answers them: `fr` only where the hall gave one. */
export const namesOf = (row: { nameAr: string; nameEn: string; nameFr: string | null }): Bilingual =>
  row.nameFr ? { ar: row.nameAr, en: row.nameEn, fr: row.nameFr } : { ar: row.nameAr, en: row.nameEn };

/** The columns of a name as typed (a name without French clears the French). */
export const nameColumns = (name: Bilingual | undefined) => (name ? { nameAr: name.ar, nameEn: name.en, nameFr: name.fr ?? null } : {});

/** A service's papers to bring, as the API answers them: `fr` only where given. */
export const papersOf = (row: { whatToBringAr: string[]; whatToBringEn: string[]; whatToBringFr: string[] | null }): WhatToBring =>
  row.whatToBringFr ? { ar: row.whatToBringAr, en: row.whatToBringEn, fr: row.whatToBringFr } : { ar: row.whatToBringAr, en: row.whatToBringEn };
