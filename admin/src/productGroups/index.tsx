import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { simpleCreate, simpleEdit } from '../shared/forms';
import { AutocompleteInput, Datagrid, FunctionField, List, ReferenceInput, TextField, TextInput, required, useListContext } from 'react-admin';
import { orderAsTree } from '../products/GroupTreeFilter';

const GroupInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <ReferenceInput source="parentId" reference="ProductGroup" perPage={500} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="path" />
    </ReferenceInput>
  </>
);

/** The whole tree on one page, indented by depth. */
const TreeGrid = () => {
  const { data = [] } = useListContext<{ id: string; name: string; parentId?: string | null; path: string }>();
  const ordered = orderAsTree(data);
  const depth = new Map(ordered.map(({ group, depth }) => [group.id, depth]));
  const rows = ordered.map(({ group }) => data.find((g) => g.id === group.id)!);
  return (
    <Datagrid data={rows} rowClick="edit" bulkActionButtons={false}>
      <FunctionField source="name" sortable={false} render={(g: { id: string; name: string }) => <span style={{ paddingLeft: (depth.get(g.id) ?? 0) * 20 }}>{g.name}</span>} />
      <TextField source="path" sortable={false} />
    </Datagrid>
  );
};

const GroupList = () => (
  <List perPage={500} pagination={false} sort={{ field: 'name', order: 'ASC' }}>
    <TreeGrid />
  </List>
);



export default {
  name: 'ProductGroup',
  list: GroupList,
  create: simpleCreate(GroupInputs),
  edit: simpleEdit(GroupInputs),
  icon: AccountTreeIcon,
  recordRepresentation: 'path',
  permissions: { read: 'productGroup:read', create: 'productGroup:create', edit: 'productGroup:update' },
};
