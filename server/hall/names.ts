import type { Lang } from '../../ui-kit/i18n.js';
import type { Bilingual } from '../protocol/schemas.js';

/** A row's names as the API answers them: `fr` only where the hall gave one. */
export const namesOf = (row: { nameAr: string; nameEn: string; nameFr: string | null }): Bilingual =>
  row.nameFr ? { ar: row.nameAr, en: row.nameEn, fr: row.nameFr } : { ar: row.nameAr, en: row.nameEn };

/** The columns of a name as typed (a name without French clears the French). */
export const nameColumns = (name: Bilingual | undefined) => (name ? { nameAr: name.ar, nameEn: name.en, nameFr: name.fr ?? null } : {});

/** The papers to bring in a language: French where given, else English. */
export const papersIn = (row: { whatToBringAr: string[]; whatToBringEn: string[]; whatToBringFr: string[] | null }, lang: Lang) =>
  lang === 'ar' ? row.whatToBringAr : lang === 'fr' && row.whatToBringFr ? row.whatToBringFr : row.whatToBringEn;
