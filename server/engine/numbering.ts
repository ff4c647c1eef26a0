// Ticket numbers: the service code followed by a sequence of at least three digits that
// restarts every business day (`B007`). The sequence itself is taken by the caller, in the
// same transaction that inserts the ticket.

export function ticketNumber(serviceCode: string, sequence: number): string {
  return `${serviceCode}${String(sequence).padStart(3, '0')}`;
}

/**
 * What happens to the tickets of a business day that has ended. Waiting tickets are cancelled
 * unless the hall carries them over; called or serving ones are left for their clerk to finish.
 */
export function ticketsToCloseAtRollover<T extends { status: string; day: string }>(
  tickets: readonly T[],
  today: string,
  carryOver: boolean,
): T[] {
  if (carryOver) return [];
  return tickets.filter((t) => t.status === 'waiting' && t.day < today);
}
