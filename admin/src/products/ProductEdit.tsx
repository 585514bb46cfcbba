import { DeleteButton, SaveButton, Toolbar } from 'react-admin';
import { simpleEdit } from '../shared/forms';
import { useCan } from '../shared/permissions';
import { ProductInputs } from './ProductInputs';

/** Save only with product:update; Delete only with product:delete. */
const EditToolbar = () => {
  const can = useCan();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton disabled={!can('product:update')} />
      {can('product:delete') && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

export const ProductEdit = simpleEdit(ProductInputs, <EditToolbar />);
