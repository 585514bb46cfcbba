import { DocumentVerbButton } from '../shared/DocumentVerbButton';
import {
  ArrayField, Datagrid, DeleteButton, EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { api } from '../providers/session';
import { EnumField } from '../shared/enums';
import { DayField, LocaleDateField, MoneyField } from '../shared/fields';
import { useCan } from '../shared/permissions';

interface PriceListRecord {
  id: string;
  number: string;
  status: 'DRAFT' | 'POSTED' | 'CANCELLED';
  source: 'MANUAL' | 'IMPORT' | 'REPRICE' | 'DERIVED';
  basePriceListId?: string | null;
}

type Verb = 'post' | 'unpost' | 'cancel';

const CALLS: Record<Verb, (id: string) => Promise<unknown>> = {
  post: (id) => api().PostPriceList({ id }),
  unpost: (id) => api().UnpostPriceList({ id }),
  cancel: (id) => api().CancelPriceList({ id }),
};


const VerbButton = (props: { verb: Verb; confirm?: boolean }) => <DocumentVerbButton {...props} calls={CALLS} messages="tradebook.priceList" />;

/** Per status: a draft is edited, posted, cancelled or deleted; a posted list is unposted or cancelled; DERIVED lists follow their base list (cost lists, DERIVED without one, stand alone). */
const ShowActions = () => {
  const record = useRecordContext<PriceListRecord>();
  const can = useCan();
  if (!record) return <TopToolbar />;
  const draft = record.status === 'DRAFT';
  const own = record.source !== 'DERIVED' || !record.basePriceListId;
  return (
    <TopToolbar>
      {draft && can('priceList:update') && <EditButton />}
      {draft && can('priceList:post') && <VerbButton verb="post" />}
      {record.status === 'POSTED' && own && can('priceList:post') && <VerbButton verb="unpost" confirm />}
      {record.status !== 'CANCELLED' && own && can('priceList:post') && <VerbButton verb="cancel" confirm />}
      {draft && can('priceList:delete') && <DeleteButton mutationMode="pessimistic" />}
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

/** A list with its lines and, once posted, the price register rows it wrote. */
export const PriceListShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="number" />
      <DayField source="date" />
      <TextField source="priceType.name" label="resources.PriceList.fields.priceType" />
      <EnumField source="status" enumName="DocumentStatus" />
      <EnumField source="source" enumName="PriceListSource" />
      <TextField source="group.name" label="resources.PriceList.fields.group" emptyText="—" />
      <ReferenceField source="basePriceListId" reference="PriceList" link="show" emptyText="—">
        <TextField source="number" />
      </ReferenceField>
      <TextField source="comment" emptyText="—" />
      <LocaleDateField source="postedAt" emptyText="—" />
      <Labeled label="resources.PriceList.fields.lines" fullWidth>
        <ArrayField source="lines">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>} sx={{ '& .RaDatagrid-rowCell': { py: 0.5 } }}>
            <NumberField source="lineNo" label="resources.PriceList.fields.lineNo" />
            <ProductSku label="resources.PriceList.fields.sku" />
            <ProductName label="resources.PriceList.fields.productName" />
            <MoneyField source="price" label="resources.PriceList.fields.price" textAlign="right" />
          </Datagrid>
        </ArrayField>
      </Labeled>
      <Labeled label="resources.PriceList.fields.records" fullWidth>
        <ArrayField source="records">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>} sx={{ '& .RaDatagrid-rowCell': { py: 0.5 } }} className="price-records">
            <NumberField source="lineNo" label="resources.PriceList.fields.lineNo" />
            <ProductSku label="resources.PriceList.fields.sku" />
            <DayField source="validFrom" label="resources.PriceList.fields.validFrom" />
            <MoneyField source="price" label="resources.PriceList.fields.price" textAlign="right" />
            <LocaleDateField source="postedAt" label="resources.PriceList.fields.postedAt" />
          </Datagrid>
        </ArrayField>
      </Labeled>
      <Labeled label="resources.PriceList.fields.derivedPriceLists" fullWidth>
        <ArrayField source="derivedPriceLists">
          <Datagrid bulkActionButtons={false} rowClick={(id) => `/PriceList/${id}/show`} empty={<span>—</span>}>
            <TextField source="number" label="resources.PriceList.fields.number" />
            <ReferenceField source="priceTypeId" reference="PriceType" link={false} label="resources.PriceList.fields.priceType">
              <TextField source="code" />
            </ReferenceField>
            <EnumField source="status" enumName="DocumentStatus" label="resources.PriceList.fields.status" />
          </Datagrid>
        </ArrayField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
