import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { QuoteBreakdown, type Quote } from '../shared/QuoteBreakdown';
import { useErrorText } from '../shared/useNotifyError';

interface OrderLineValues {
  productId?: string | null;
  quantity?: string | null;
  manualDiscountPercent?: string | null;
}

/** The quote's input for what the form holds now: null until a client, a date and one complete line are there. */
export function quoteInput(values: { clientId?: string | null; date?: string | null; promoCode?: string | null; lines?: OrderLineValues[] }) {
  const lines = (values.lines ?? []).filter((line) => line.productId && line.quantity && Number(line.quantity) > 0);
  if (!values.clientId || !values.date || !lines.length) return null;
  return {
    clientId: values.clientId,
    date: values.date,
    promoCode: values.promoCode || null,
    lines: lines.map((line) => ({ productId: line.productId!, quantity: String(line.quantity), manualDiscountPercent: line.manualDiscountPercent ? String(line.manualDiscountPercent) : null })),
  };
}

/**
 * The order's prices as `quote` gives them while it is typed (a third of a second after the
 * last key): base price, every rule, the manual discount, final price, VAT and the totals —
 * what confirming will freeze. A refusal (a discount over the manager's cap) shows instead.
 */
export const LiveQuote = () => {
  const translate = useTranslate();
  const errorText = useErrorText('Order');
  const [clientId, date, promoCode, lines] = useWatch({ name: ['clientId', 'date', 'promoCode', 'lines'] });
  const input = quoteInput({ clientId, date, promoCode, lines });
  const key = JSON.stringify(input);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!input) {
      setQuote(null);
      setError(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api()
        .Quote({ input })
        .then((result) => current && (setQuote(result.quote), setError(null)))
        .catch(async (e: unknown) => {
          const { message, messageArgs } = await errorText(e);
          if (current) (setQuote(null), setError(translate(message, messageArgs)));
        });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (error) return <Alert severity="warning" data-testid="quote-error">{error}</Alert>;
  return quote ? <QuoteBreakdown quote={quote} /> : null;
};
