import { recomputedBySave, type PriceTypeFacts } from './recomputes';

// B (by hand) ← D (−12 %) ← D2 (−5 %) ← D3; B ← E; C (from cost) ← F; OFF (inactive) from D
const B: PriceTypeFacts = { id: 'b', code: 'B', derivation: 'NONE', rounding: 'KOPECK', vatIncluded: true, active: true };
const D: PriceTypeFacts = { id: 'd', code: 'D', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: 'b', adjustmentPercent: '-12', rounding: 'KOPECK', vatIncluded: false, active: true };
const D2: PriceTypeFacts = { id: 'd2', code: 'D2', derivation: 'FROM_PRICE_TYPE', basePriceType: { id: 'd' }, adjustmentPercent: '-5', rounding: 'KOPECK', vatIncluded: true, active: true };
const D3: PriceTypeFacts = { id: 'd3', code: 'D3', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: 'd2', adjustmentPercent: '0', rounding: 'ROUBLE', vatIncluded: true, active: true };
const E: PriceTypeFacts = { id: 'e', code: 'E', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: 'b', adjustmentPercent: '-20', rounding: 'ROUBLE', vatIncluded: true, active: true };
const C: PriceTypeFacts = { id: 'c', code: 'C', derivation: 'FROM_COST', adjustmentPercent: '30', rounding: 'ROUBLE', vatIncluded: false, active: true };
const F: PriceTypeFacts = { id: 'f', code: 'F', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: 'c', adjustmentPercent: '-10', rounding: 'KOPECK', vatIncluded: false, active: true };
const OFF: PriceTypeFacts = { id: 'off', code: 'OFF', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: 'd', adjustmentPercent: '1', rounding: 'KOPECK', vatIncluded: false, active: false };
const ALL = [B, D, D2, D3, E, C, F, OFF];

describe('what saving a price type recomputes', () => {
  it.each([
    // story, form, previous → types, followers
    ['D −12 % → −15 %: D, then D2 and D3 through it (OFF is inactive)', { ...D, adjustmentPercent: '-15' }, D, ['D'], ['D2', 'D3']],
    ['the same percentage written otherwise recomputes nothing', { ...D, adjustmentPercent: '-12.00' }, D, [], []],
    ['a new name only: nothing', { ...D, code: 'D', vatIncluded: false }, D, [], []],
    ['D2 to ten roubles: D2 and D3', { ...D2, rounding: 'TEN_ROUBLES' }, D2, ['D2'], ['D3']],
    ['D3 to VAT on top: D3 alone', { ...D3, vatIncluded: false }, D3, ['D3'], []],
    ['D based on E instead: D and its followers', { ...D, basePriceTypeId: 'e' }, D, ['D'], ['D2', 'D3']],
    ['C +30 % → +35 %: C and F', { ...C, adjustmentPercent: '35' }, C, ['C'], ['F']],
    ['an inactive derived type becomes active: it is recomputed', { ...OFF, active: true }, OFF, ['OFF'], []],
    ['a derived type switched off: nothing', { ...D, active: false }, D, [], []],
    ['B by hand changes its VAT basis: D and E by their rules, D2 and D3 follow D', { ...B, vatIncluded: false }, B, ['D', 'E'], ['D2', 'D3']],
    ['B by hand changes its rounding: nothing (its own prices are typed)', { ...B, rounding: 'ROUBLE' }, B, [], []],
    ['D becomes a type set by hand: nothing', { ...D, derivation: 'NONE' }, D, [], []],
    ['a new derived type: itself', { code: 'NEW', derivation: 'FROM_PRICE_TYPE', basePriceTypeId: 'b', adjustmentPercent: '-1', active: true }, null, ['NEW'], []],
    ['a new type by hand: nothing', { code: 'NEW', derivation: 'NONE', active: true }, null, [], []],
  ] as [string, PriceTypeFacts, PriceTypeFacts | null, string[], string[]][])('%s', (_story, form, previous, types, followers) => {
    expect(recomputedBySave(form, previous, ALL)).toEqual({ types, followers });
  });
});
