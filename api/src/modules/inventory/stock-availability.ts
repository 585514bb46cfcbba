import { Decimal } from '../../shared/money';

/**
 * What may leave a warehouse on a date (DESIGN §4, §6). Pure: the caller reads the facts.
 *
 * A document dated D takes goods out on D and the balance stays lower on every later
 * date, so it may take no more than the smallest balance from D on: the balance at the
 * end of D and after each later date that has movements. Reservations are current, not
 * dated: what stays after all movements must still cover what is reserved for others
 * (the document's own reservation, e.g. a shipment's, is its to take). Available =
 * max(0, min(balance on D, every later balance, final − reserved + own reservation)).
 */
export interface AvailabilityFacts {
  /** On hand at the end of the document's date. */
  onDate: string;
  /** The net movement of each later date with movements, in date order. */
  later: readonly { date: string; quantity: string }[];
  /** On hand after every movement (the balance row). */
  final: string;
  /** Reserved now, for anyone. */
  reserved: string;
}

export interface Availability {
  available: string;
  /**
   * The first date from D on whose balance taking `requested` would leave below zero;
   * null when the dated balances suffice and only reservations stand in the way.
   */
  negativeOn: string | null;
}

export function availability(date: string, facts: AvailabilityFacts, requested: string, ownReservation = '0'): Availability {
  let balance = new Decimal(facts.onDate);
  let lowest = balance;
  let negativeOn = balance.lt(requested) ? date : null;
  for (const day of facts.later) {
    balance = balance.plus(day.quantity);
    if (balance.lt(lowest)) lowest = balance;
    if (!negativeOn && balance.lt(requested)) negativeOn = day.date;
  }
  const free = new Decimal(facts.final).minus(facts.reserved).plus(ownReservation);
  const available = Decimal.max(0, Decimal.min(lowest, free));
  return { available: available.toFixed(), negativeOn };
}
