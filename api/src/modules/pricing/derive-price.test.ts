import { deriveAcrossVat, derivePrice, roundToStep, type RoundingStep } from './derive-price';

describe('roundToStep', () => {
  it.each([
    // value, step, expected (worked out by hand)
    ['1086.4128', '0.01', '1086.41'], // .4128 → .41 (the 0.28 kopeck is below half)
    ['1086.4150', '0.01', '1086.42'], // exactly half a kopeck goes up
    ['1086.4128', '1', '1086.00'], // .41 of a rouble is below half
    ['1086.5000', '1', '1087.00'], // exactly half a rouble goes up
    ['1084.99', '10', '1080.00'], // 4.99 of ten is below half
    ['1085.00', '10', '1090.00'], // exactly five goes up
    ['4.99', '10', '0.00'], // a price can round down to zero
    ['0', '1', '0.00'],
  ] as const)('%s to %s is %s', (value, step, expected) => {
    expect(roundToStep(value, step)).toBe(expected);
  });
});

describe('derivePrice', () => {
  it('wholesale = retail − 12 %, rounded to the rouble', () => {
    // 1234.56 × 0.88 = 1086.4128 → 1086
    expect(derivePrice('1234.56', '-12', '1')).toBe('1086.00');
  });

  it('dealer = wholesale − 5 %, to the kopeck, from the rounded wholesale price', () => {
    // 1086 × 0.95 = 1031.70 (not 1086.4128 × 0.95 = 1032.09: a derived type derives from the base's own price)
    expect(derivePrice('1086', '-5', '0.01')).toBe('1031.70');
  });

  it('a markup of 10 % rounded to ten roubles', () => {
    // 499.00 × 1.1 = 548.90 → 550; 1234.00 × 1.1 = 1357.40 → 1360; 45.00 × 1.1 = 49.50 → 50
    expect(derivePrice('499.00', '10', '10')).toBe('550.00');
    expect(derivePrice('1234', '10', '10')).toBe('1360.00');
    expect(derivePrice('45', '10', '10')).toBe('50.00');
  });

  it('keeps fractional percentages and big prices exact', () => {
    // 999 999 999 999.99 × 1.0125 = 1 012 499 999 999.989875 → …999.99
    expect(derivePrice('999999999999.99', '1.25', '0.01')).toBe('1012499999999.99');
    // 0.05 × 0.9 = 0.045 → 0.05 (half up), not 0.04 as a float would give
    expect(derivePrice('0.05', '-10', '0.01')).toBe('0.05');
  });

  it('zero change keeps the price, rounded to the step', () => {
    expect(derivePrice('100.555', '0', '0.01')).toBe('100.56');
    expect(derivePrice('100', '0', '1')).toBe('100.00');
  });
});

describe('deriveAcrossVat: the percentage applies to the net price, stated on the derived basis', () => {
  const gross = true;
  const net = false;
  it.each([
    // base, base includes VAT, percent, derived includes VAT, VAT rate, step → expected (worked out by hand)
    // gross base → VAT-on-top type: 1190 / 1.19 = 1000 net; × 0.88 = 880 net
    ['1190.00', gross, '-12', net, '19', '0.01', '880.00'],
    ['1190.00', gross, '-12', net, '19', '1', '880.00'],
    ['1190.00', gross, '-12', net, '19', '10', '880.00'],
    // 1234.56 / 1.22 × 0.88 = 890.50229508… → 890.50; 891; 890 (0.50 of ten is below half)
    ['1234.56', gross, '-12', net, '22', '0.01', '890.50'],
    ['1234.56', gross, '-12', net, '22', '1', '891.00'],
    ['1234.56', gross, '-12', net, '22', '10', '890.00'],
    // net base → VAT-included type: 1000 × 0.88 = 880 net; × 1.22 = 1073.60 gross → 1073.60; 1074; 1070
    ['1000.00', net, '-12', gross, '22', '0.01', '1073.60'],
    ['1000.00', net, '-12', gross, '22', '1', '1074.00'],
    ['1000.00', net, '-12', gross, '22', '10', '1070.00'],
    // 999.99 × 1.05 × 1.10 = 1154.98845 → 1154.99; 1155; 1150
    ['999.99', net, '5', gross, '10', '0.01', '1154.99'],
    ['999.99', net, '5', gross, '10', '1', '1155.00'],
    ['999.99', net, '5', gross, '10', '10', '1150.00'],
    // same basis, both gross: 1190 × 0.88 = 1047.20 (VAT cancels out); 1047; 1050
    ['1190.00', gross, '-12', gross, '19', '0.01', '1047.20'],
    ['1190.00', gross, '-12', gross, '19', '1', '1047.00'],
    ['1190.00', gross, '-12', gross, '19', '10', '1050.00'],
    // same basis, both net: 1234.56 × 0.88 = 1086.4128 → 1086.41; 1086; 1090
    ['1234.56', net, '-12', net, '22', '0.01', '1086.41'],
    ['1234.56', net, '-12', net, '22', '1', '1086.00'],
    ['1234.56', net, '-12', net, '22', '10', '1090.00'],
    // no intermediate rounding: 1000.03 / 1.22 = 819.6967213… net, × 0.88 = 721.3331… → 721.33
    // (rounding the net to 819.70 first would give 721.336 → 721.34)
    ['1000.03', gross, '-12', net, '22', '0.01', '721.33'],
    // VAT 0 %: gross and net are the same price
    ['1000.00', gross, '-12', net, '0', '0.01', '880.00'],
    // no change across bases is the pure VAT conversion: 100 / 1.22 = 81.967… → 81.97
    ['100.00', gross, '0', net, '22', '0.01', '81.97'],
    // exactly half a kopeck goes up: 0.05 × 0.9 = 0.045 → 0.05 (same basis, exact)
    ['0.05', net, '-10', net, '22', '0.01', '0.05'],
  ] as const)('%s (gross %s) %s %% → gross %s at VAT %s %%, step %s: %s', (base, baseVatIncluded, percent, vatIncluded, vatRate, step, expected) => {
    expect(deriveAcrossVat({ base, baseVatIncluded, percent, vatIncluded, vatRate, step: step as RoundingStep })).toBe(expected);
  });

  it('a cost (net) + markup on a VAT-included type carries the VAT', () => {
    // 130 × 1.2 = 156 net; × 1.22 = 190.32 gross
    expect(deriveAcrossVat({ base: '130', baseVatIncluded: false, percent: '20', vatIncluded: true, vatRate: '22', step: '0.01' })).toBe('190.32');
    // and on a VAT-on-top type it is the net 156.00
    expect(deriveAcrossVat({ base: '130', baseVatIncluded: false, percent: '20', vatIncluded: false, vatRate: '22', step: '0.01' })).toBe('156.00');
  });
});
