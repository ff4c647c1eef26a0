import { useEffect, useRef, useState } from 'preact/hooks';
import { backIn } from '../text.js';
import { useUi } from '../ui.js';

interface Props {
  seconds: number;
  onEnd(): void;
}

/** A visible count back to the menu; remount it (a new key) to start again. */
export function Countdown({ seconds, onEnd }: Props) {
  const { lang, digits } = useUi();
  const [left, setLeft] = useState(seconds);
  const end = useRef(onEnd);
  end.current = onEnd;
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        end.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return (
    <div class="countdown">
      <span aria-live="off">{backIn(left, lang, digits)}</span>
      <span class="countdown-bar" aria-hidden="true">
        <span style={{ inlineSize: `${(left / seconds) * 100}%` }} />
      </span>
    </div>
  );
}
