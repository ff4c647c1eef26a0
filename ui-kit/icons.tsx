// Icons drawn inline, in the text's colour and size (1em), where an emoji or a symbol would
// depend on the device's fonts: a kiosk or TV without an emoji font shows an empty box.

type Shape = 'speaker' | 'closed' | 'cup' | 'check' | 'arrow' | 'shift' | 'priority';

const SHAPES: Record<Shape, string[]> = {
  speaker: ['M11 5 6 9H2v6h4l5 4z', 'M15.5 8.5a5 5 0 0 1 0 7', 'M19 5a10 10 0 0 1 0 14'],
  closed: ['M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20', 'M7 12h10'],
  cup: ['M3 9h13v5a5 5 0 0 1-5 5H8a5 5 0 0 1-5-5z', 'M16 11h1.5a2.5 2.5 0 0 1 0 5H16', 'M7 2.5v3.5', 'M11 2.5v3.5'],
  check: ['M4 12.5 9 17.5 20 6.5'],
  arrow: ['M4 12h16', 'M14 6l6 6-6 6'],
  shift: ['M12 3 3 12h5v8h8v-8h5z'],
  // An elderly person with a cane: the sign of a priority queue.
  priority: ['M10 2.5a2 2 0 1 0 0 4a2 2 0 1 0 0-4', 'M10 8.5 8.5 15l-2 6.5', 'M8.5 15l3 2.5v3.5', 'M9.5 10.5l4 2.5', 'M16 13v8', 'M16 13a1.5 1.5 0 0 0-2.5-1'],
};

/** An arrow's way, on the screen (not flipped by dir="rtl"). */
const TURN = { right: 0, down: 90, left: 180, up: 270 };

export function Icon({ shape, points = 'right', class: className }: { shape: Shape; points?: keyof typeof TURN; class?: string }) {
  return (
    <svg
      class={className}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      style={{ verticalAlign: '-0.125em' }}
    >
      <g transform={TURN[points] ? `rotate(${TURN[points]} 12 12)` : undefined}>
        {SHAPES[shape].map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
    </svg>
  );
}
