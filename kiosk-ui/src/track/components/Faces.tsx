// Three faces, as citizens know them from government service centres: drawn, not emoji, so that
// every phone shows the same ones.

const MOUTHS = {
  1: 'M15 31q9-8 18 0',
  2: 'M15 29h18',
  3: 'M15 27q9 9 18 0',
} as const;

export type Score = keyof typeof MOUTHS;

export function Face({ score }: { score: Score }) {
  return (
    <svg viewBox="0 0 48 48" width="56" height="56" aria-hidden="true" class={`p-face p-face-${score}`}>
      <circle cx="24" cy="24" r="21" />
      <circle cx="17" cy="19" r="2.6" class="p-eye" />
      <circle cx="31" cy="19" r="2.6" class="p-eye" />
      <path d={MOUTHS[score]} class="p-mouth" />
    </svg>
  );
}
