import { useRecordContext, useTranslate } from 'react-admin';
import { useDecimalFormat } from '../shared/fields';

interface PriceListRecord {
  source?: string;
  comment?: string | null;
  priceType?: { code: string; derivation?: string; adjustmentPercent?: string | null; rounding?: string } | null;
  basePriceList?: { number: string } | null;
}

const signed = (value: string, decimal: (v: string) => string) => `${Number(value) < 0 ? '−' : '+'}${decimal(String(Math.abs(Number(value))))}`;

/**
 * A price list's comment. A list the API computed (DERIVED) is described in the reader's words
 * from its price type and base list, rather than by the English the API wrote into it.
 */
export function usePriceListComment(): (record: PriceListRecord) => string {
  const translate = useTranslate();
  const decimal = useDecimalFormat();
  return (record) => {
    const type = record.priceType;
    if (record.source !== 'DERIVED' || !type) return record.comment ?? '';
    const args = {
      code: type.code,
      change: type.adjustmentPercent ? signed(type.adjustmentPercent, decimal) : '',
      rounding: translate(`enums.PriceRounding.${type.rounding}`, { _: type.rounding ?? '' }),
      base: record.basePriceList?.number ?? '',
    };
    return translate(record.basePriceList ? 'tradebook.priceList.derivedFromList' : 'tradebook.priceList.derivedFromCost', args);
  };
}

export const PriceListComment = () => {
  const record = useRecordContext<PriceListRecord>();
  const comment = usePriceListComment();
  return record ? <>{comment(record) || '—'}</> : null;
};
