import {
  Box, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Paper, Stack, Switch, TextField as MuiTextField, Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { Link, Loading, Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import type { PipelineBoardQuery } from '@tradebook/client';
import { api } from '../providers/sdk';
import { errorMessage } from '../shared/errors';
import { useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';

type Board = PipelineBoardQuery;
type Column = Board['pipeline']['stages'][number];
type Deal = Board['open']['items'][number];
type Stage = Column['stage'];
/** A drop that needs a word first: the reason a deal was lost, or whether a won one starts an order. */
type Pending = { deal: Deal; stage: Stage } | null;

const BOARD_KEY = ['DealPipeline'];
/** The board holds every open deal up to this many (newest first)… */
const OPEN_CARDS = 500;
/** …and the deals won or lost most recently (a year of them would bury the open ones); a column with more links to the list. */
const CLOSED_CARDS = 30;
const DRAG_TYPE = 'text/plain';

/** The deal cards of one stage: title (opens the deal), client and amount; dragged by the whole card. */
const DealCard = ({ deal }: { deal: Deal }) => {
  const money = useMoneyFormat();
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(DRAG_TYPE, deal.id);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Paper variant="outlined" draggable onDragStart={onDragStart} sx={{ p: 1, cursor: 'grab' }} data-testid="deal-card" data-deal={deal.title}>
      <Link to={`/Deal/${deal.id}`}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>{deal.title}</Typography>
      </Link>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block' }}>{deal.client.name}</Typography>
      <Typography variant="body2">{money(deal.amount)}</Typography>
    </Paper>
  );
};

/** A stage's column: its name and probability, how many deals and what they come to (and weigh), then its cards; a card dropped here moves there. */
const StageColumn = ({ column, deals, ownerId, onDrop }: { column: Column; deals: Deal[]; ownerId?: string; onDrop: (dealId: string, stage: Stage) => void }) => {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    if (id) onDrop(id, column.stage);
  };
  return (
    <Paper
      data-testid="pipeline-column"
      data-stage={column.stage.name}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      sx={{ p: 1, minWidth: 240, width: 240, flexShrink: 0, bgcolor: over ? 'action.hover' : 'background.paper' }}
    >
      <Typography variant="subtitle2">{column.stage.name} · {column.stage.probability} %</Typography>
      <Typography variant="caption" sx={{ display: 'block' }} data-testid="column-count">{translate('tradebook.deals.count', { smart_count: column.count })}</Typography>
      <Typography variant="body2" data-testid="column-amount">{money(column.amount)}</Typography>
      <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', mb: 1 }}>
        {translate('tradebook.deals.weighted')}: <span data-testid="column-weighted">{money(column.weightedAmount)}</span>
      </Typography>
      <Stack spacing={1}>
        {deals.map((deal) => <DealCard key={deal.id} deal={deal} />)}
      </Stack>
      {column.count > deals.length && (
        // the board holds the newest deals only: the rest of the column is a click away, never silently missing
        <Link to={`/Deal?filter=${encodeURIComponent(JSON.stringify({ stageId: column.stage.id, ...(ownerId ? { ownerId } : {}) }))}`} data-testid="column-more">
          <Typography variant="body2" sx={{ mt: 1 }}>{translate('tradebook.deals.more', { smart_count: column.count - deals.length })}</Typography>
        </Link>
      )}
    </Paper>
  );
};

/** The reason of a deal dropped on a LOST stage; or, on the WON stage, whether to start a draft order from a warehouse. */
const DropDialog = ({ pending, onClose, onConfirm }: { pending: NonNullable<Pending>; onClose: () => void; onConfirm: (extra: { lostReason?: string; warehouseId?: string }) => void }) => {
  const translate = useTranslate();
  const can = useCan();
  const [reason, setReason] = useState('');
  const [createOrder, setCreateOrder] = useState(false);
  const [warehouseId, setWarehouseId] = useState('');
  const lost = pending.stage.kind === 'LOST';
  const warehouses = useQuery({
    queryKey: ['Warehouse', 'active'],
    queryFn: async () => (await api().Warehouses({ filter: { active: true }, sort: [{ field: 'code', order: 'ASC' }], perPage: 100 })).warehouses.items,
    enabled: !lost && createOrder,
  });
  const ready = lost ? !!reason.trim() : !createOrder || !!warehouseId;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate(lost ? 'tradebook.deals.lostTitle' : 'tradebook.deals.winTitle', { title: pending.deal.title })}</DialogTitle>
      <DialogContent>
        {lost ? (
          <MuiTextField autoFocus label={translate('tradebook.deals.lostReason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} fullWidth margin="dense" />
        ) : (
          <>
            {can('order:create') && <FormControlLabel control={<Checkbox checked={createOrder} onChange={(e) => setCreateOrder(e.target.checked)} />} label={translate('tradebook.deals.createOrder')} />}
            {createOrder && (
              <MuiTextField select label={translate('tradebook.deals.warehouse')} value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} fullWidth margin="dense">
                {(warehouses.data ?? []).map((w) => <MenuItem key={w.id} value={w.id}>{w.code} — {w.name}</MenuItem>)}
              </MuiTextField>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('tradebook.deals.cancel')}</Button>
        <Button variant="contained" disabled={!ready} onClick={() => onConfirm(lost ? { lostReason: reason.trim() } : { warehouseId: createOrder ? warehouseId : undefined })}>
          {translate(lost ? 'tradebook.deals.move' : 'tradebook.deals.win')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * The pipeline board (issue 13 §12): a column per active stage with its deals and totals.
 * Dropping a card on another column moves the deal (moveDeal); a LOST column asks for the
 * reason first, the WON column whether to start a draft order (winDeal). Open deals all show;
 * won and lost ones only the latest, and a column holding more says how many and links to them.
 */
const PipelineBoard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError('Deal');
  const money = useMoneyFormat();
  const can = useCan();
  const queryClient = useQueryClient();
  const { identity } = useGetIdentity();
  const [mineOnly, setMineOnly] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const ownerId = mineOnly ? String(identity?.id ?? '') || undefined : undefined;
  const { data, isPending, error } = useQuery({
    queryKey: [...BOARD_KEY, ownerId ?? null],
    queryFn: () => api().PipelineBoard({ ownerId, perPage: OPEN_CARDS, closedPerPage: CLOSED_CARDS }),
    refetchOnMount: 'always',
  });
  if (isPending) return <Loading />;
  if (error || !data) return <p>{errorMessage(error)}</p>;
  const deals = [...data.open.items, ...data.closed.items];
  const byStage = new Map<string, Deal[]>();
  for (const deal of deals) byStage.set(deal.stage.id, [...(byStage.get(deal.stage.id) ?? []), deal]);

  const move = async (deal: Deal, stage: Stage, extra: { lostReason?: string; warehouseId?: string } = {}) => {
    try {
      if (stage.kind === 'WON') await api().WinDeal({ id: deal.id, version: deal.version, createOrder: !!extra.warehouseId, warehouseId: extra.warehouseId });
      else await api().MoveDeal({ id: deal.id, stageId: stage.id, version: deal.version, lostReason: extra.lostReason });
      notify('tradebook.deals.moved', { type: 'success', messageArgs: { title: deal.title, stage: stage.name } });
    } catch (e) {
      await notifyError(e);
    }
    await queryClient.invalidateQueries({ queryKey: BOARD_KEY });
  };
  const onDrop = (dealId: string, stage: Stage) => {
    const deal = deals.find((d) => d.id === dealId);
    if (!deal || deal.stage.id === stage.id || !can('deal:update')) return;
    if (stage.kind === 'OPEN') void move(deal, stage);
    else setPending({ deal, stage });
  };

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('resources.DealPipeline.name')} />
      <Stack direction="row" spacing={3} sx={{ alignItems: 'center', mb: 1 }}>
        <FormControlLabel control={<Switch checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} />} label={translate('tradebook.deals.mineOnly')} />
        <Typography data-testid="pipeline-total">
          {translate('tradebook.deals.total')}: {translate('tradebook.deals.count', { smart_count: data.pipeline.count })} · {money(data.pipeline.amount)} · {translate('tradebook.deals.weighted')} {money(data.pipeline.weightedAmount)}
        </Typography>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ overflowX: 'auto', alignItems: 'flex-start', pb: 2 }}>
        {data.pipeline.stages.map((column) => <StageColumn key={column.stage.id} column={column} deals={byStage.get(column.stage.id) ?? []} ownerId={ownerId} onDrop={onDrop} />)}
      </Stack>
      {pending && (
        <DropDialog
          pending={pending}
          onClose={() => setPending(null)}
          onConfirm={(extra) => {
            setPending(null);
            void move(pending.deal, pending.stage, extra);
          }}
        />
      )}
    </Box>
  );
};

export const list = PipelineBoard;
