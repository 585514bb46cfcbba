import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { api } from '../providers/sdk';

interface LineValue {
  productId?: string | null;
  price?: string | number | null;
}

/**
 * Fills the price of every line that has a product and no price yet with the supplier's
 * price on the order date (its price list or its last receipt, as the API's supplierPrice);
 * a line whose supplier has none stays empty for the buyer to type.
 */
export const SupplierPricePrefill = () => {
  const { setValue, getValues } = useFormContext();
  const supplierId = useWatch({ name: 'supplierId' }) as string | undefined;
  const date = useWatch({ name: 'date' }) as string | undefined;
  const lines = (useWatch({ name: 'lines' }) ?? []) as LineValue[];
  const wanted = lines.map((l) => (l?.productId && (l.price === undefined || l.price === null || l.price === '') ? l.productId : '')).join(',');
  useEffect(() => {
    const productIds = [...new Set(wanted.split(',').filter(Boolean))];
    if (!supplierId || !productIds.length) return;
    let current = true;
    void api()
      .SupplierPriceQuotes({ supplierId, productIds, date: date || undefined })
      .then(({ supplierPriceQuotes }) => {
        if (!current) return;
        const prices = new Map(supplierPriceQuotes.map((q) => [q.productId, q.price]));
        ((getValues('lines') ?? []) as LineValue[]).forEach((line, i) => {
          const price = line?.productId ? prices.get(line.productId) : undefined;
          if (price && (line.price === undefined || line.price === null || line.price === '')) setValue(`lines.${i}.price`, price, { shouldDirty: true });
        });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [supplierId, date, wanted, getValues, setValue]);
  return null;
};
