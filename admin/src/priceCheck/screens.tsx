import CalculateIcon from '@mui/icons-material/Calculate';
import { Box, Card, CardContent } from '@mui/material';
import { useState } from 'react';
import {
  ArrayInput, AutocompleteInput, Form, ReferenceInput, ResourceContextProvider, SaveButton, SimpleFormIterator, TextInput, Title, required, useTranslate,
} from 'react-admin';
import { api } from '../providers/sdk';
import { DayInput } from '../shared/dates';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { today } from '../shared/fields';
import { parseDecimal } from '../shared/forms';
import { ProductLineInput } from '../shared/products';
import { QuoteBreakdown, type Quote } from '../shared/QuoteBreakdown';
import { useFormErrors } from '../shared/useNotifyError';


interface LineValues {
  productId?: string;
  quantity?: string;
  manualDiscountPercent?: string | null;
}

interface Values {
  clientId?: string;
  date?: string;
  promoCode?: string | null;
  lines?: LineValues[];
}

const label = (field: string) => `resources.PriceCheck.fields.${field}`;


/**
 * The price check: a client, a date, a promo code and product lines → `quote` through the SDK,
 * shown line by line. A missing price or a manual discount over the caller's cap comes back on
 * the line's field (lines.N.productId / lines.N.manualDiscountPercent) and as a notification in
 * the reader's words ("Line 1, Manual discount, %: …").
 */
const PriceCheck = () => {
  const translate = useTranslate();
  const formErrors = useFormErrors('PriceCheck');
  const [quote, setQuote] = useState<Quote | null>(null);
  const calculate = async (values: Values) => {
    try {
      const { quote: result } = await api().Quote({
        input: {
          clientId: values.clientId!,
          date: values.date!,
          promoCode: values.promoCode || null,
          lines: (values.lines ?? []).map((line) => ({
            productId: line.productId!,
            quantity: String(line.quantity ?? ''),
            manualDiscountPercent: line.manualDiscountPercent ? String(line.manualDiscountPercent) : null,
          })),
        },
      });
      setQuote(result);
      return undefined;
    } catch (error) {
      setQuote(null);
      return formErrors(error);
    }
  };
  return (
    <ResourceContextProvider value="PriceCheck">
      <Title title={translate('tradebook.priceCheck.title')} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Form onSubmit={(values: Record<string, unknown>) => calculate(values as Values)} defaultValues={{ date: today(), lines: [{ quantity: '1' }] }}>
            <KeepOnLanguageSwitch />
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              <ReferenceInput source="clientId" reference="Counterparty" filter={{ role: 'CLIENT', active: true }} sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput optionText="name" validate={required()} sx={{ width: 360 }} />
              </ReferenceInput>
              <DayInput source="date" validate={required()} />
              <TextInput source="promoCode" fullWidth={false} />
            </Box>
            <ArrayInput source="lines" validate={required()}>
              <SimpleFormIterator inline disableReordering>
                <ProductLineInput label={label('product')} />
                <TextInput source="quantity" label={label('quantity')} defaultValue="1" validate={required()} parse={parseDecimal} />
                <TextInput source="manualDiscountPercent" label={label('manualDiscountPercent')} parse={parseDecimal} />
              </SimpleFormIterator>
            </ArrayInput>
            <SaveButton label="tradebook.priceCheck.calculate" icon={<CalculateIcon />} alwaysEnable />
          </Form>
        </CardContent>
      </Card>
      {quote && <QuoteBreakdown quote={quote} />}
    </ResourceContextProvider>
  );
};

export { PriceCheck as list };
