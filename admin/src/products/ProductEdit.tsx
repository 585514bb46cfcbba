import { Edit, SimpleForm, Toolbar, SaveButton, DeleteButton } from 'react-admin';
import { useCan } from '../shared/permissions';
import { ProductInputs } from './ProductInputs';

const EditToolbar = () => {
  const can = useCan();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton disabled={!can('product:update')} />
      {can('product:delete') && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

export const ProductEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm toolbar={<EditToolbar />}>
      <ProductInputs />
    </SimpleForm>
  </Edit>
);
