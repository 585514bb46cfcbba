import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDecimalFormat, useMoneyFormat } from '../fields';
import { documentTotals, type TypedLine } from './lineTotals';

/** A priced document's totals as its lines are typed: quantity, amount without VAT, VAT per rate, and the total (documentTotals, the API's arithmetic). */
export const LineTotals = ({ lines, vat }: { lines: TypedLine[]; vat: boolean }) => {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const totals = documentTotals(lines);
  const t = (key: string, options?: object) => translate(`tradebook.lines.totals.${key}`, options);
  return (
    <Table size="small" sx={{ mt: 1, maxWidth: 480, ml: 'auto' }} aria-label={t('title')} className="line-totals">
      <TableBody>
        <TableRow>
          <TableCell>{t('quantity', { lines: totals.lines })}</TableCell>
          <TableCell align="right" data-testid="totals-quantity">{decimal(totals.quantity)}</TableCell>
        </TableRow>
        <TableRow>
          <TableCell>{t(vat ? 'amountWithoutVat' : 'amount')}</TableCell>
          <TableCell align="right" data-testid="totals-amount">{money(totals.amount)}</TableCell>
        </TableRow>
        {vat &&
          totals.byRate.map((rate) => (
            <TableRow key={rate.rate}>
              <TableCell>{t('vatAt', { rate: decimal(rate.rate), amount: money(rate.amount) })}</TableCell>
              <TableCell align="right" data-testid={`totals-vat-${rate.rate}`}>{money(rate.vat)}</TableCell>
            </TableRow>
          ))}
        {vat && (
          <TableRow>
            <TableCell>{t('vat')}</TableCell>
            <TableCell align="right" data-testid="totals-vat">{money(totals.vat)}</TableCell>
          </TableRow>
        )}
        {vat && (
          <TableRow sx={{ '& td': { fontWeight: 600 } }}>
            <TableCell>{t('total')}</TableCell>
            <TableCell align="right" data-testid="totals-total">{money(totals.total)}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
};
