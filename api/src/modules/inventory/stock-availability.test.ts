import { availability, type AvailabilityFacts } from './stock-availability';

const facts = (onDate: string, later: [string, string][], final: string, reserved = '0'): AvailabilityFacts => ({
  onDate,
  later: later.map(([date, quantity]) => ({ date, quantity })),
  final,
  reserved,
});

describe('availability of a warehouse × product for a document dated 2026-03-05', () => {
  it.each([
    // case, facts, requested, own reservation, available, negativeOn
    ['today: nothing later, nothing reserved', facts('10', [], '10'), '4', '0', '10', null],
    ['backdated before the only receipt (03-20: +10)', facts('0', [['2026-03-20', '10']], '10'), '4', '0', '0', '2026-03-05'],
    ['between two receipts: 10 on the day, +10 on 03-20', facts('10', [['2026-03-20', '10']], '20'), '4', '0', '10', null],
    ['a later write-off (03-20: −8) leaves 2 for a backdated one', facts('10', [['2026-03-20', '-8']], '2'), '5', '0', '2', '2026-03-20'],
    ['the lowest later balance, not the last, limits: −8 then +10', facts('10', [['2026-03-20', '-8'], ['2026-03-25', '10']], '12'), '3', '0', '2', '2026-03-20'],
    ['reserved for others: 10 on hand, 6 reserved', facts('10', [], '10', '6'), '5', '0', '4', null],
    ['its own reservation is its to take', facts('10', [], '10', '6'), '8', '6', '10', null],
    ['reservations above a later low: the lower wins', facts('10', [['2026-03-20', '-7']], '3', '1'), '3', '0', '2', null],
    ['a balance already below zero makes nothing available', facts('-2', [], '-2'), '1', '0', '0', '2026-03-05'],
    ['fractions', facts('2.5', [['2026-03-06', '-0.75']], '1.75'), '1.8', '0', '1.75', '2026-03-06'],
  ] as const)('%s', (_case, f, requested, own, available, negativeOn) => {
    expect(availability('2026-03-05', f, requested, own)).toEqual({ available, negativeOn });
  });
});
