import { Decimal } from '../../shared/money';

/** The VAT rates a product may carry, in percent (Russia from 2026, DESIGN §5). */
export const VAT_RATES = ['0', '10', '22'] as const;

export const DEFAULT_VAT_RATE = '22';

/** True when `rate` (a decimal string) equals one of VAT_RATES: "10.00" counts as 10. */
export function isVatRate(rate: string): boolean {
  return VAT_RATES.some((allowed) => new Decimal(allowed).eq(rate));
}
