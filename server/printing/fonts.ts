import { GlobalFonts } from '@napi-rs/canvas';
import { join } from 'node:path';
import { ROOT } from '../paths.js';
import type { Lang } from '../../ui-kit/i18n.js';

// The ticket's faces, committed under assets/fonts/ (SIL OFL 1.1, see OFL.txt there): the
// printer cannot shape Arabic, so the whole ticket is drawn with these and printed as an image.

const FONTS_DIR = join(ROOT, 'assets', 'fonts');
const NASKH = 'Dawr Naskh';
const SANS = 'Dawr Sans';

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  for (const [file, family] of [
    ['NotoNaskhArabic-Regular.ttf', NASKH],
    ['NotoNaskhArabic-Bold.ttf', NASKH],
    ['NotoSans-Regular.ttf', SANS],
    ['NotoSans-Bold.ttf', SANS],
  ]) {
    if (!GlobalFonts.registerFromPath(join(FONTS_DIR, file), family)) throw new Error(`printing: cannot load font ${file}`);
  }
  registered = true;
}

/** A CSS font for the canvas: the language's face first, the other as fallback. */
export function font(px: number, lang: Lang, bold = false): string {
  const families = lang === 'ar' ? `"${NASKH}", "${SANS}"` : `"${SANS}", "${NASKH}"`;
  return `${bold ? 'bold ' : ''}${Math.round(px)}px ${families}`;
}
