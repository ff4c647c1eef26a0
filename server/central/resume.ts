// Pure: where the shipper goes on after the city's answer, and how long it waits after a failure.

export interface Resume {
  /** The seq after which the next batch starts. */
  cursor: number;
  /** Seqs the city lacks that the hall has pruned: they cannot be sent again. */
  lost?: { from: number; to: number };
  /** The city took none of the batch it lacked: retry after a back-off, not at once. */
  stuck?: boolean;
}

/**
 * After the city answered `acked` to a batch of `sent` seqs (oldest first; none for a heartbeat)
 * sent after `cursor`: the city holds 1…acked. Less than the hall sent (the city was restored
 * from an older backup) and the hall sends again from there, as long as it still has the rows;
 * those it pruned are lost to the city, and what it kept is sent once more (`previousAck`: what
 * the city said before, null at first contact).
 */
export function resumeAfter(acked: number, previousAck: number | null, cursor: number, sent: readonly number[], prunedThrough: number): Resume {
  if (acked < prunedThrough) {
    const lost = { from: acked + 1, to: prunedThrough };
    const lostBefore = previousAck !== null && previousAck < prunedThrough;
    return { cursor: lostBefore ? Math.max(sent.at(-1) ?? cursor, prunedThrough) : prunedThrough, lost };
  }
  if (sent.length > 0 && acked === cursor) return { cursor: acked, stuck: true };
  return { cursor: acked };
}

/** Exponential back-off with jitter: about `minMs` after the first failure, doubling up to `maxMs`. */
export function backoffMs(failures: number, minMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
