import { useEffect, useRef, useState } from 'preact/hooks';
import type { MediaItem } from '../../../server/protocol/schemas.js';

// The admin's images and videos, one after another: an image for IMAGE_MS, a video to its end.
// Video sound ducks while a call is spoken.

const IMAGE_MS = 10_000;
const VOLUME = 0.8;
const DUCKED = 0.1;

export function Media({ items, speaking }: { items: MediaItem[]; speaking: boolean }) {
  const [index, setIndex] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const item = items[index % items.length];
  const next = () => setIndex((i) => (i + 1) % Math.max(items.length, 1));

  useEffect(() => {
    if (item?.kind !== 'image' || items.length < 2) return;
    const timer = setTimeout(next, IMAGE_MS);
    return () => clearTimeout(timer);
  }, [item?.url, items.length]);

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    v.volume = VOLUME;
    // Autoplay with sound may be refused until a tap: play muted rather than not at all.
    v.play().catch(() => {
      v.muted = true;
      void v.play().catch(() => undefined);
    });
  }, [item?.url]);

  useEffect(() => {
    if (video.current) video.current.volume = speaking ? DUCKED : VOLUME;
  }, [speaking]);

  if (!item) return null;
  return (
    <section class="media" aria-hidden="true">
      {item.kind === 'image' ? (
        <img key={item.url} src={item.url} alt="" />
      ) : (
        <video key={item.url} ref={video} src={item.url} playsInline loop={items.length === 1} onEnded={next} onError={() => setTimeout(next, IMAGE_MS)} />
      )}
    </section>
  );
}
