import { simpleCreate } from '../shared/forms';
import { ProductInputs } from './ProductInputs';

export const ProductCreate = simpleCreate(ProductInputs);
