import { DocumentVerbButton } from '../shared/DocumentVerbButton';
import {
  ArrayField, Datagrid, DeleteButton, EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { api } from '../providers/session';
import { EnumField } from '../shared/enums';
import { DayField, DecimalField, LocaleDateField, MoneyField } from '../shared/fields';
import { useCan } from '../shared/permissions';

interface GoodsReceiptRecord {
  id: string;
  number: string;
  status: 'DRAFT' | 'POSTED' | 'CANCELLED';
}

type Verb = 'post' | 'unpost' | 'cancel';

const CALLS: Record<Verb, (id: string) => Promise<unknown>> = {
  post: (id) => api().PostGoodsReceipt({ id }),
  unpost: (id) => api().UnpostGoodsReceipt({ id }),
  cancel: (id) => api().CancelGoodsReceipt({ id }),
};


const field = (name: string) => `resources.GoodsReceipt.fields.${name}`;

const VerbButton = (props: { verb: Verb; confirm?: boolean }) => <DocumentVerbButton {...props} calls={CALLS} messages="tradebook.goodsReceipt" />;

/** Per status: a draft is edited, posted, cancelled or deleted; a posted receipt is unposted or cancelled. */
const ShowActions = () => {
  const record = useRecordContext<GoodsReceiptRecord>();
  const can = useCan();
  if (!record) return <TopToolbar />;
  const draft = record.status === 'DRAFT';
  return (
    <TopToolbar>
      {draft && can('stockDocument:update') && <EditButton />}
      {draft && can('stockDocument:post') && <VerbButton verb="post" />}
      {record.status === 'POSTED' && can('stockDocument:post') && <VerbButton verb="unpost" confirm />}
      {record.status !== 'CANCELLED' && can('stockDocument:post') && <VerbButton verb="cancel" confirm />}
      {draft && can('stockDocument:delete') && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};

const ProductSku = (_: { label?: string }) => (
  <ReferenceField source="productId" reference="Product" link={false}>
    <TextField source="sku" />
  </ReferenceField>
);

const ProductName = (_: { label?: string }) => (
  <ReferenceField source="productId" reference="Product" link={false}>
    <TextField source="name" />
  </ReferenceField>
);

/** A receipt with its lines and, once posted, the stock movements it made (cost only with cost:read). */
export const GoodsReceiptShow = () => {
  const can = useCan();
  const seesCost = can('cost:read');
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="number" />
        <DayField source="date" />
        <TextField source="warehouse.name" label={field('warehouse')} />
        <TextField source="supplier.name" label={field('supplier')} />
        <EnumField source="status" enumName="DocumentStatus" />
        <TextField source="comment" emptyText="—" />
        <LocaleDateField source="postedAt" emptyText="—" />
        <Labeled label={field('lines')} fullWidth>
          <ArrayField source="lines">
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>} className="receipt-lines" sx={{ '& .RaDatagrid-rowCell': { py: 0.5 } }}>
              <NumberField source="lineNo" label={field('lineNo')} />
              <ProductSku label={field('sku')} />
              <ProductName label={field('productName')} />
              <DecimalField source="quantity" label={field('quantity')} textAlign="right" />
              <MoneyField source="unitCost" label={field('unitCost')} textAlign="right" />
              <MoneyField source="amount" label={field('amount')} textAlign="right" />
              <DecimalField source="vatRate" label={field('vatRate')} textAlign="right" />
              <MoneyField source="vat" label={field('vat')} textAlign="right" />
            </Datagrid>
          </ArrayField>
        </Labeled>
        <Labeled label={field('movements')} fullWidth>
          <ArrayField source="movements">
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>} className="receipt-movements" sx={{ '& .RaDatagrid-rowCell': { py: 0.5 } }}>
              <NumberField source="recorderLine" label={field('lineNo')} />
              <DayField source="date" label={field('date')} />
              <ProductSku label={field('sku')} />
              <DecimalField source="quantity" label={field('quantity')} textAlign="right" />
              {seesCost && <MoneyField source="cost" label={field('cost')} textAlign="right" />}
            </Datagrid>
          </ArrayField>
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
