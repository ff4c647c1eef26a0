// Builds the web fonts every screen draws with (assets/fonts/web): the committed Noto TTFs cut
// down to Arabic and Latin as WOFF2, and the @font-face rules that name them. Run after
// changing a TTF or the characters below: `node scripts/fonts-build.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const FONTS = 'assets/fonts';
const OUT = join(FONTS, 'web');

// Code point ranges kept: Latin (Basic, Latin-1, a few typographic marks), the Arabic blocks
// with their presentation forms, general punctuation (incl. the bidi marks and isolates),
// the arrows the screens point with, and the letter-like symbols a ticket might carry.
const RANGES = [
  [0x20, 0x7e], [0xa0, 0xff], [0x131, 0x131], [0x152, 0x153], [0x2c6, 0x2c6], [0x2da, 0x2da], [0x2dc, 0x2dc],
  [0x600, 0x6ff], [0x750, 0x77f], [0x8a0, 0x8ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff],
  [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2190, 0x2193], [0x2212, 0x2212], [0x2e41, 0x2e41],
];
const TEXT = RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join('');

const FACES = [
  { family: 'Noto Naskh Arabic', weight: 400, file: 'NotoNaskhArabic-Regular' },
  { family: 'Noto Naskh Arabic', weight: 700, file: 'NotoNaskhArabic-Bold' },
  { family: 'Noto Sans', weight: 400, file: 'NotoSans-Regular' },
  { family: 'Noto Sans', weight: 700, file: 'NotoSans-Bold' },
];

mkdirSync(OUT, { recursive: true });
const rules = [];
for (const face of FACES) {
  const woff2 = await subsetFont(readFileSync(join(FONTS, `${face.file}.ttf`)), TEXT, { targetFormat: 'woff2' });
  writeFileSync(join(OUT, `${face.file}.woff2`), woff2);
  rules.push(
    `@font-face {\n  font-family: '${face.family}';\n  font-style: normal;\n  font-weight: ${face.weight};\n` +
      `  font-display: swap;\n  src: url('${face.file}.woff2') format('woff2');\n}\n`,
  );
  console.log(`${face.file}.woff2: ${(woff2.length / 1024).toFixed(1)} kB`);
}
writeFileSync(
  join(OUT, 'fonts.css'),
  `/* Made by scripts/fonts-build.mjs from the TTFs in assets/fonts (SIL Open Font License, OFL.txt). */\n${rules.join('\n')}`,
);
