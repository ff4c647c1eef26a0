/** "1-6" or "1,4,9" → the seeds, or null if the text is neither. */
export function seedsOf(text: string): number[] | null {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    return a <= b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : null;
  }
  const list = text.split(',').map(Number);
  return list.every((n) => Number.isInteger(n) && n >= 0) ? list : null;
}
