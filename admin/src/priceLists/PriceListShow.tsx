import { Box } from '@mui/material';
import { ArrayField, Datagrid, FunctionField, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { PriceListComment } from './PriceListComment';
import { DocumentShowActions } from '../shared/documents/DocumentShow';
import type { DocumentRecord } from '../shared/documents/documentTypes';
import { EnumField } from '../shared/enums';
import { DayField, LocaleDateField, MoneyField } from '../shared/fields';
import { ProductName, ProductSku } from '../shared/products';

/** DERIVED lists follow their base list (cost lists, DERIVED without one, stand alone): no Unpost or Cancel of their own. */
const ownList = (record: DocumentRecord) => record.source !== 'DERIVED' || !record.basePriceListId;

/** A list with its lines and, once posted, the price register rows it wrote. */
export const PriceListShow = () => (
  <Show actions={<DocumentShowActions type="PriceList" undoable={ownList} />}>
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
      <FunctionField source="comment" render={() => <PriceListComment />} />
      <LocaleDateField source="postedAt" emptyText="—" />
      <Labeled label="resources.PriceList.fields.lines" fullWidth>
        <Box sx={{ overflowX: 'auto' }}>
          <ArrayField source="lines">
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>} sx={{ '& .RaDatagrid-rowCell': { py: 0.5 } }}>
              <NumberField source="lineNo" label="resources.PriceList.fields.lineNo" />
              <ProductSku label="resources.PriceList.fields.sku" />
              <ProductName label="resources.PriceList.fields.productName" />
              <MoneyField source="price" label="resources.PriceList.fields.price" textAlign="right" />
            </Datagrid>
          </ArrayField>
        </Box>
      </Labeled>
      <Labeled label="resources.PriceList.fields.records" fullWidth>
        <Box sx={{ overflowX: 'auto' }}>
          <ArrayField source="records">
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<span>—</span>} sx={{ '& .RaDatagrid-rowCell': { py: 0.5 } }} className="price-records">
              <NumberField source="lineNo" label="resources.PriceList.fields.lineNo" />
              <ProductSku label="resources.PriceList.fields.sku" />
              <DayField source="validFrom" label="resources.PriceList.fields.validFrom" />
              <MoneyField source="price" label="resources.PriceList.fields.price" textAlign="right" />
              <LocaleDateField source="postedAt" label="resources.PriceList.fields.postedAt" />
            </Datagrid>
          </ArrayField>
        </Box>
      </Labeled>
      <Labeled label="resources.PriceList.fields.derivedPriceLists" fullWidth>
        <Box sx={{ overflowX: 'auto' }}>
          <ArrayField source="derivedPriceLists">
            <Datagrid bulkActionButtons={false} rowClick={(id) => `/PriceList/${id}/show`} empty={<span>—</span>}>
              <TextField source="number" label="resources.PriceList.fields.number" />
              <ReferenceField source="priceTypeId" reference="PriceType" link={false} label="resources.PriceList.fields.priceType">
                <TextField source="code" />
              </ReferenceField>
              <EnumField source="status" enumName="DocumentStatus" label="resources.PriceList.fields.status" />
            </Datagrid>
          </ArrayField>
        </Box>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
