// Builds the web fonts every screen draws with (assets/fonts/web): the committed Noto TTFs cut
// down to Arabic and Latin as WOFF2, and the @font-face rules that name them, each with the
// unicode-range it really covers (the browser then knows which face draws what, and so do the
// tests). Run after changing a TTF or the characters below: `node scripts/fonts-build.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';

const FONTS = 'assets/fonts';
const OUT = join(FONTS, 'web');

// Code points wanted: Latin (Basic, Latin-1, a few typographic marks), the Arabic blocks with
// their presentation forms, general punctuation (incl. the bidi marks and isolates), and a few
// signs. Icons are inline SVG (ui-kit/icons.tsx): neither font has arrows or emoji.
const RANGES = [
  [0x20, 0x7e], [0xa0, 0xff], [0x131, 0x131], [0x152, 0x153], [0x2c6, 0x2c6], [0x2da, 0x2da], [0x2dc, 0x2dc],
  [0x600, 0x6ff], [0x750, 0x77f], [0x8a0, 0x8ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff],
  [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2212, 0x2212], [0x2e41, 0x2e41],
];
const WANTED = RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)).sort((a, b) => a - b);

const FACES = [
  { family: 'Noto Naskh Arabic', weight: 400, file: 'NotoNaskhArabic-Regular' },
  { family: 'Noto Naskh Arabic', weight: 700, file: 'NotoNaskhArabic-Bold' },
  { family: 'Noto Sans', weight: 400, file: 'NotoSans-Regular' },
  { family: 'Noto Sans', weight: 700, file: 'NotoSans-Bold' },
];

/** [0x20, 0x21, 0x22, 0x41] → 'U+20-22, U+41' */
function unicodeRange(codePoints) {
  const runs = [];
  for (const c of codePoints) {
    const last = runs.at(-1);
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  const hex = (c) => c.toString(16).toUpperCase();
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
}

mkdirSync(OUT, { recursive: true });
const rules = [];
for (const face of FACES) {
  const ttf = readFileSync(join(FONTS, `${face.file}.ttf`));
  const has = new Set(new Face(new Blob(ttf), 0).collectUnicodes());
  const kept = WANTED.filter((c) => has.has(c));
  const woff2 = await subsetFont(ttf, String.fromCodePoint(...kept), { targetFormat: 'woff2' });
  writeFileSync(join(OUT, `${face.file}.woff2`), woff2);
  rules.push(
    `@font-face {\n  font-family: '${face.family}';\n  font-style: normal;\n  font-weight: ${face.weight};\n  font-display: swap;\n` +
      `  src: url('${face.file}.woff2') format('woff2');\n  unicode-range: ${unicodeRange(kept)};\n}\n`,
  );
  console.log(`${face.file}.woff2: ${(woff2.length / 1024).toFixed(1)} kB, ${kept.length} characters`);
}
writeFileSync(
  join(OUT, 'fonts.css'),
  `/* Made by scripts/fonts-build.mjs from the TTFs in assets/fonts (SIL Open Font License, OFL.txt). */\n${rules.join('\n')}`,
);
