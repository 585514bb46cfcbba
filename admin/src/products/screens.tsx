import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ProductInputs } from './ProductInputs';

export { ProductList as list } from './ProductList';
export const create = simpleCreate(ProductInputs);
export const edit = simpleEdit(ProductInputs, permissionToolbar('product'));
