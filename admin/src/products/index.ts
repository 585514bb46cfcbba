import Inventory2Icon from '@mui/icons-material/Inventory2';
import { ProductCreate } from './ProductCreate';
import { ProductEdit } from './ProductEdit';
import { ProductList } from './ProductList';

export default {
  name: 'Product',
  list: ProductList,
  create: ProductCreate,
  edit: ProductEdit,
  icon: Inventory2Icon,
  recordRepresentation: (record: { sku: string; name: string }) => `${record.sku} ${record.name}`,
  permissions: { read: 'product:read', create: 'product:create', edit: 'product:update' },
};
