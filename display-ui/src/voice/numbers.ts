import type { VoiceLang } from './catalogue.js';

// Cardinal numbers 0–999 as sequences of clips, read as a speaker says them aloud.
//
// Arabic (masculine counting forms, units before tens): 23 → ثلاثة + وعشرون, 105 → مئة + وخمسة,
// 211 → مئتان + وأحد عشر. The «و» is baked into the word that follows it ("and-" clips), because
// «و» is never said alone: a separate «و» clip joined to the next word sounds chopped.
// English (British): 105 → one hundred + and + five; 23 → twenty + three.
// French (traditional spelling): 71 → soixante + et onze, 80 → quatre-vingts, 81 → quatre-vingt +
// un, 91 → quatre-vingt + onze, 200 → deux cents, 201 → deux cent + un. 21–29 are whole clips, as
// "vingt" sounds its t only there (vingt-deux); so are the hundreds, as "six", "huit" and "cinq"
// lose their last sound before "cent". A `-followed` clip is the form said before more words: the
// plural s of quatre-vingts and deux cents goes when a number follows (the voice is the same).

function checkRange(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`not a number from 0 to 999: ${n}`);
}

/** 1–99 in Arabic; `joined` when «و» links it to a hundred before it. */
function arabicBelowHundred(n: number, joined: boolean): string[] {
  const prefix = joined ? 'ar/and-n' : 'ar/n';
  const unit = n % 10;
  if (n <= 19 || unit === 0) return [`${prefix}${n}`];
  return [`${prefix}${unit}`, `ar/and-n${n - unit}`];
}

export function arabicNumberClips(n: number): string[] {
  checkRange(n);
  if (n === 0) return ['ar/n0'];
  const hundreds = Math.floor(n / 100) * 100;
  const rest = n % 100;
  const out = hundreds ? [`ar/n${hundreds}`] : [];
  if (rest) out.push(...arabicBelowHundred(rest, hundreds > 0));
  return out;
}

export function englishNumberClips(n: number): string[] {
  checkRange(n);
  if (n === 0) return ['en/n0'];
  const hundreds = Math.floor(n / 100) * 100;
  const rest = n % 100;
  const out = hundreds ? [`en/n${hundreds}`] : [];
  if (hundreds && rest) out.push('en/and');
  if (rest > 0 && rest <= 19) out.push(`en/n${rest}`);
  else if (rest > 19) {
    out.push(`en/n${rest - (rest % 10)}`);
    if (rest % 10) out.push(`en/n${rest % 10}`);
  }
  return out;
}

/** French 1–99. */
function frenchBelowHundred(n: number): string[] {
  if (n < 30 || n === 80) return [`fr/n${n}`];
  // 70–79 and 90–99 count on from sixty and eighty: soixante-dix, quatre-vingt-onze.
  const base = n >= 80 ? 80 : n >= 60 ? 60 : n - (n % 10);
  const rest = n - base;
  if (rest === 0) return [`fr/n${base}`];
  const head = base === 80 ? 'fr/n80-followed' : `fr/n${base}`;
  // «et» joins un and onze to the tens, but not to quatre-vingt (quatre-vingt-un).
  const joined = (rest === 1 || rest === 11) && base !== 80;
  return [head, joined ? `fr/and-n${rest}` : `fr/n${rest}`];
}

export function frenchNumberClips(n: number): string[] {
  checkRange(n);
  if (n === 0) return ['fr/n0'];
  const hundreds = Math.floor(n / 100) * 100;
  const rest = n % 100;
  if (!rest) return [`fr/n${hundreds}`];
  if (!hundreds) return frenchBelowHundred(rest);
  return [hundreds === 100 ? 'fr/n100' : `fr/n${hundreds}-followed`, ...frenchBelowHundred(rest)];
}

const SAY = { ar: arabicNumberClips, en: englishNumberClips, fr: frenchNumberClips };

/** Any whole number ≥ 0: a cardinal up to 999, digit by digit beyond (B1024 on a very busy day). */
export function numberClips(n: number, lang: VoiceLang): string[] {
  const say = SAY[lang];
  if (n <= 999) return say(n);
  return String(n).split('').flatMap((d) => say(Number(d)));
}
