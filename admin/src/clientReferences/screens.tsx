import { AutocompleteInput, BooleanInput, FormDataConsumer, ReferenceInput, TextInput, required } from 'react-admin';
import { EnumInput } from '../shared/enums';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { useCan } from '../shared/permissions';

const ReferenceInputs = ({ creating }: { creating?: boolean }) => {
  const can = useCan();
  return (
    <>
      <EnumInput source="kind" enumName="ClientReferenceKind" validate={required()} disabled={!creating} />
      <TextInput source="name" validate={required()} />
      <FormDataConsumer>
        {({ formData }) =>
          formData.kind === 'SEGMENT' && can('priceType:read') ? (
            <ReferenceInput source="defaultPriceTypeId" reference="PriceType" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
              <AutocompleteInput helperText="resources.ClientReference.helpers.defaultPriceType" />
            </ReferenceInput>
          ) : null
        }
      </FormDataConsumer>
      {!creating && <BooleanInput source="active" />}
    </>
  );
};

const columns: Column[] = [
  { source: 'kind', kind: 'enum', enumName: 'ClientReferenceKind' },
  { source: 'name' },
  { source: 'defaultPriceType.code', label: 'resources.ClientReference.fields.defaultPriceType', needs: 'priceType:read' },
  { source: 'active', kind: 'boolean' },
];

const filters = [<EnumInput key="kind" source="kind" enumName="ClientReferenceKind" alwaysOn />];

export const list = () => <ResourceList columns={columns} filters={filters} sort={{ field: 'name', order: 'ASC' }} rowClick="edit" createPermission="clientReference:create" />;
export const create = simpleCreate(ReferenceInputs);
export const edit = simpleEdit(ReferenceInputs, permissionToolbar('clientReference'));
