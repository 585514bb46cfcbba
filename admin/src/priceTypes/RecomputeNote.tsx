import { Alert } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useDayFormat } from '../shared/fields';
import { recomputedBySave, type PriceTypeFacts, type Recomputes } from './recomputes';

/** Every price type, for following derivation chains in the console (there are a few dozen at most). */
export function useAllPriceTypes(): PriceTypeFacts[] {
  const { data } = useGetList<PriceTypeFacts & { id: string }>('PriceType', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } });
  return data ?? [];
}

/** What saving the form recomputes, from the form's values and the record as it was (null when creating). */
export function useRecomputes(form: PriceTypeFacts, previous: PriceTypeFacts | null): Recomputes {
  return recomputedBySave(form, previous, useAllPriceTypes());
}

/** "Saving recomputes the prices of D (and D2 derived from it) from 01.12.2026", or `key`'s other wording (the Recompute dialog). */
export const RecomputeNote = ({ recomputes, date, messageKey = 'tradebook.priceType.saveRecomputes' }: { recomputes: Recomputes; date: string; messageKey?: string }) => {
  const translate = useTranslate();
  const day = useDayFormat();
  if (!recomputes.types.length) return null;
  // while a day is half typed the form holds no date yet
  const shown = /^\d{4}-\d{2}-\d{2}$/.test(date) ? day(date) : '…';
  const args = { types: recomputes.types.join(', '), followers: recomputes.followers.join(', '), date: shown, smart_count: recomputes.types.length };
  const text = recomputes.followers.length ? translate(`${messageKey}WithFollowers`, args) : translate(messageKey, args);
  return (
    <Alert severity="info" className="recompute-note" sx={{ my: 1 }}>
      {text}
    </Alert>
  );
};
