import { MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Labeled, Link, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { useDayFormat, useDecimalFormat, useMoneyFormat } from '../shared/fields';

const field = (name: string) => `resources.PurchaseOrder.fields.${name}`;
/** Where each kind of link opens. */
const RESOURCE: Record<string, string> = { PurchaseRequisition: 'PurchaseRequisition', GoodsReceipt: 'GoodsReceipt', LandedCost: 'LandedCost' };

type Link = { documentType: string; documentId: string; number: string; date: string; lineNo?: number | null; quantity?: string | null; unitCost?: string | null; amount?: string | null; priceVariance?: string | null };

/**
 * The chain of one line of a posted order (issue 14 §6): the requisition lines it took, the
 * receipts against it with their price variance, and the landed costs spread over them, each
 * opening its document. Read for the chosen line only.
 */
export const LineChain = () => {
  const order = useRecordContext<{ id: string; status: string; lines?: { lineNo: number; product?: { sku: string } }[] }>();
  const translate = useTranslate();
  const decimal = useDecimalFormat();
  const money = useMoneyFormat();
  const day = useDayFormat();
  const [lineNo, setLineNo] = useState(1);
  const posted = order?.status === 'POSTED';
  const { data } = useQuery({ queryKey: ['PurchaseLineChain', order?.id, lineNo], queryFn: async () => (await api().PurchaseLineChain({ orderId: order!.id, lineNo })).purchaseLineChain, enabled: !!order && posted });
  if (!order || !posted || !order.lines?.length) return null;
  const links: Link[] = data ? [...data.requisitionLines, ...data.receipts, ...data.landedCosts] : [];
  return (
    <Labeled label={field('chain')} fullWidth>
      <Stack spacing={1}>
        <MuiTextField select size="small" label={translate(field('lineNo'))} value={lineNo} onChange={(e) => setLineNo(Number(e.target.value))} sx={{ maxWidth: 320 }} slotProps={{ htmlInput: { 'data-testid': 'chain-line' } }}>
          {order.lines.map((l) => (
            <MenuItem key={l.lineNo} value={l.lineNo}>
              {l.lineNo} {l.product?.sku}
            </MenuItem>
          ))}
        </MuiTextField>
        {data && !links.length && <Typography sx={{ color: 'text.secondary' }}>—</Typography>}
        {!!links.length && (
          <Table size="small" className="line-chain">
            <TableHead>
              <TableRow>
                {['chainDocument', 'number', 'date', 'lineNo', 'quantity', 'price', 'amount', 'priceVariance'].map((f) => (
                  <TableCell key={f} align={['quantity', 'price', 'amount', 'priceVariance'].includes(f) ? 'right' : 'left'}>
                    {translate(field(f))}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {links.map((l) => (
                <TableRow key={`${l.documentType}:${l.documentId}:${l.lineNo ?? ''}`}>
                  <TableCell>{translate(`tradebook.purchaseOrder.chain.${l.documentType}`)}</TableCell>
                  <TableCell>
                    <Link to={`/${RESOURCE[l.documentType]}/${encodeURIComponent(l.documentId)}/show`}>{l.number}</Link>
                  </TableCell>
                  <TableCell>{day(l.date)}</TableCell>
                  <TableCell>{l.lineNo ?? '—'}</TableCell>
                  <TableCell align="right">{l.quantity ? decimal(l.quantity) : '—'}</TableCell>
                  <TableCell align="right">{l.unitCost ? money(l.unitCost) : '—'}</TableCell>
                  <TableCell align="right">{l.amount ? money(l.amount) : '—'}</TableCell>
                  <TableCell align="right">{l.priceVariance ? money(l.priceVariance) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </Labeled>
  );
};
