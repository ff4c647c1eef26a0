import { TEXT } from '../text.js';

/** A kiosk without a device token: calm, in both languages, with nothing to tap. */
export function NotPaired() {
  return (
    <div class="kiosk">
      <main class="screen center not-paired">
        <section lang="ar" dir="rtl">
          <h1>{TEXT.notPairedTitle.ar}</h1>
          <p>{TEXT.notPairedHelp.ar}</p>
        </section>
        <section lang="en" dir="ltr">
          <h2>{TEXT.notPairedTitle.en}</h2>
          <p>{TEXT.notPairedHelp.en}</p>
        </section>
      </main>
    </div>
  );
}
