import { useEffect, useRef } from 'preact/hooks';
import type { Bilingual, Lang } from '../../../ui-kit/i18n.js';
import { Icon } from '../../../ui-kit/icons.js';
import { beforeHallKnown, Bi } from './Bi.js';
import type { DisplayController, DisplayState } from './controller.js';
import { TEXT } from './text.js';

/** A lost connection, across the top of the screen: the page keeps showing what it knows, which may be stale. */
export function LinkMark({ state, lang, also = beforeHallKnown(lang) }: { state: DisplayState; lang: Lang; also?: Lang[] }) {
  if (state.link === 'online' || state.link === 'unpaired') return null;
  const text = { connecting: TEXT.connecting, offline: TEXT.offline, unauthorized: TEXT.unauthorized }[state.link];
  return (
    <div class="link-mark" role="alert" data-link={state.link}>
      <span class="link-dot" aria-hidden="true" />
      <Bi text={text} lang={lang} also={also} />
    </div>
  );
}

/** Once, where the browser blocks autoplay: one tap and the hall hears its calls. */
export function SoundOverlay({ controller, lang, also = beforeHallKnown(lang) }: { controller: DisplayController; lang: Lang; also?: Lang[] }) {
  const button = useRef<HTMLButtonElement>(null);
  // Focused, so that the OK key of a TV remote is the tap.
  useEffect(() => button.current?.focus(), []);
  return (
    <button ref={button} class="sound-overlay" type="button" onClick={() => void controller.enableSound()}>
      <Icon shape="speaker" class="sound-icon" />
      <Bi text={TEXT.enableSound} lang={lang} also={also} />
    </button>
  );
}

export function Unpaired({ lang, title = TEXT.unpaired, help = TEXT.unpairedHelp }: { lang: Lang; title?: Bilingual; help?: Bilingual }) {
  return (
    <main class="unpaired">
      <h1>
        <Bi text={title} lang={lang} also={beforeHallKnown(lang)} />
      </h1>
      <p>
        <Bi text={help} lang={lang} also={beforeHallKnown(lang)} />
      </p>
    </main>
  );
}
