import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { QuoteQuery } from '@tradebook/client';
import { useDayFormat, useDecimalFormat, useMoneyFormat } from './fields';

export type Quote = QuoteQuery['quote'];

/** One cell of the breakdown, findable by line and figure (data-testid="line-0-total"). */
const Cell = ({ id, children, align = 'right' }: { id?: string; children: React.ReactNode; align?: 'left' | 'right' }) => (
  <TableCell align={align} data-testid={id} sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
    {children}
  </TableCell>
);

/** Per line: base price and its type, each rule with its amount, the manual discount, final price, amount, VAT, total; then the order totals. */
export const QuoteBreakdown = ({ quote }: { quote: Quote }) => {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const t = (key: string) => translate(`tradebook.priceCheck.${key}`);
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('tradebook.priceCheck.heading', { client: quote.client.name, priceType: quote.priceType.code })}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate(quote.priceType.vatIncluded ? 'tradebook.priceCheck.vatIncluded' : 'tradebook.priceCheck.vatOnTop')} ·{' '}
          {translate(`enums.PriceRounding.${quote.priceType.rounding}`)} · {t('manualCap')}: {decimal(quote.manualDiscountCapPercent)} % ·{' '}
          <span data-testid="total-cap">
            {t('totalCap')}: {Number(quote.totalDiscountCapPercent) >= 100 ? t('noLimit') : `${decimal(quote.totalDiscountCapPercent)} %`}
          </span>
        </Typography>
        {quote.promoCode && (
          <Alert severity={quote.promoCodeRecognised ? 'info' : 'warning'} sx={{ mb: 1 }}>
            {translate(quote.promoCodeRecognised ? 'tradebook.priceCheck.promoRecognised' : 'tradebook.priceCheck.promoUnknown', { code: quote.promoCode })}
          </Alert>
        )}
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('breakdown')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('product')}</TableCell>
                <Cell>{t('quantity')}</Cell>
                <Cell>{t('basePrice')}</Cell>
                <Cell align="left">{t('discounts')}</Cell>
                <Cell>{t('finalUnitPrice')}</Cell>
                <Cell>{t('amount')}</Cell>
                <Cell>{t('vat')}</Cell>
                <Cell>{t('total')}</Cell>
              </TableRow>
            </TableHead>
            <TableBody>
              {quote.lines.map((line, i) => (
                <TableRow key={i} data-testid={`line-${i}`}>
                  <Cell id={`line-${i}-product`} align="left">
                    {line.product.sku} {line.product.name}
                  </Cell>
                  <Cell id={`line-${i}-quantity`}>{decimal(line.quantity)}</Cell>
                  <Cell id={`line-${i}-basePrice`}>
                    {money(line.basePrice)}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {line.priceType.code} · {translate('tradebook.priceCheck.validFrom', { date: day(line.basePriceValidFrom) })}
                    </Typography>
                  </Cell>
                  <Cell id={`line-${i}-discounts`} align="left">
                    {line.appliedRules.map((rule) => (
                      <div key={rule.ruleId} data-testid={`line-${i}-rule`}>
                        {rule.name} ({translate(`enums.DiscountRuleKind.${rule.kind}`)}):{' '}
                        {rule.limitedBy ? translate('tradebook.priceCheck.ruleTrimmed', { percent: decimal(rule.percent), rulePercent: decimal(rule.rulePercent) }) : `${decimal(rule.percent)} %`} = −
                        {money(rule.amount)}
                        {rule.limitedBy && (
                          <Typography component="span" variant="caption" color="warning.main" data-testid={`line-${i}-rule-limit`} sx={{ display: 'block' }}>
                            {t(`limitedBy_${rule.limitedBy}`)}
                          </Typography>
                        )}
                      </div>
                    ))}
                    {Number(line.manualDiscount.percent) > 0 && (
                      <div data-testid={`line-${i}-manual`}>
                        {t('manualDiscount')}: {decimal(line.manualDiscount.percent)} % = −{money(line.manualDiscount.amount)}
                      </div>
                    )}
                    {Number(line.rounding) !== 0 && (
                      <div data-testid={`line-${i}-rounding`}>
                        {t('rounding')}: {money(line.rounding)}
                      </div>
                    )}
                    {!line.appliedRules.length && Number(line.manualDiscount.percent) === 0 && '—'}
                  </Cell>
                  <Cell id={`line-${i}-finalUnitPrice`}>{money(line.finalUnitPrice)}</Cell>
                  <Cell id={`line-${i}-amount`}>{money(line.amount)}</Cell>
                  <Cell id={`line-${i}-vat`}>
                    {money(line.vat)}
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {decimal(line.vatRate)} %
                    </Typography>
                  </Cell>
                  <Cell id={`line-${i}-total`}>{money(line.total)}</Cell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        <Table size="small" sx={{ mt: 2, maxWidth: 480, ml: 'auto' }} aria-label={t('totals')}>
          <TableBody>
            {(['amountBeforeDiscounts', 'netAmountBeforeDiscounts', 'discountTotal', 'rounding', 'amount', 'vat', 'total'] as const).map((key) => (
              <TableRow key={key}>
                <TableCell>{t(`totals_${key}`)}</TableCell>
                <Cell id={`totals-${key}`}>{money(quote.totals[key])}</Cell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
