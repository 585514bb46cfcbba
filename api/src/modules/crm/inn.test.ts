import { completeInn, innProblem, isValidInn } from './inn';

describe('INN checksum', () => {
  it.each([
    // inn, valid — real published INNs and their one-digit typos
    ['7707083893', true], // Sberbank
    ['7736207543', true], // Yandex
    ['7707083894', false],
    ['7736207534', false],
    ['500100732259', true], // a valid personal INN
    ['500100732258', false],
    ['500100732269', false],
    ['770708389', false],
    ['77070838931', false],
    ['77070838a3', false],
  ])('%s → %s', (inn, valid) => {
    expect(isValidInn(inn)).toBe(valid);
  });

  it.each([
    ['770708389', '7707083893'],
    ['773620754', '7736207543'],
    ['5001007322', '500100732259'],
  ])('completes %s to %s', (prefix, inn) => {
    expect(completeInn(prefix)).toBe(inn);
  });

  it.each([
    ['7707083893', 'COMPANY', null],
    ['500100732259', 'PERSON', null],
    ['500100732259', 'COMPANY', 'a company INN has 10 digits'],
    ['7707083893', 'PERSON', "a person's INN has 12 digits"],
    ['7707083894', 'COMPANY', 'check digit does not match; mistyped?'],
    ['77-0708389', 'COMPANY', 'must contain digits only'],
  ] as const)('%s as %s → %s', (inn, kind, problem) => {
    expect(innProblem(inn, kind)).toBe(problem);
  });
});
