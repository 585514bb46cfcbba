import { Create, SimpleForm } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { FORM_SX, permissionToolbar, simpleEdit } from '../shared/forms';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { ContactInputs } from './ContactInputs';
import { channelsText } from './channels';

const columns: Column[] = [
  { source: 'name' },
  { source: 'position' },
  { source: 'counterparty.name', label: 'resources.Contact.fields.counterparty', sortable: false },
  { source: 'channels', kind: 'custom', sortable: false, render: (contact) => channelsText(contact.channels), text: (contact) => channelsText(contact.channels) },
  { source: 'active', kind: 'boolean' },
];

export const list = () => <ResourceList columns={columns} sort={{ field: 'name', order: 'ASC' }} rowClick="edit" createPermission="contact:create" />;

/** Opened from a client's card (its counterparty chosen), the new contact goes back there once saved. */
export const create = () => {
  const counterpartyId = (useLocation().state as { record?: { counterpartyId?: string } } | null)?.record?.counterpartyId;
  return (
    <Create redirect={counterpartyId ? () => `Counterparty/${counterpartyId}/show/contacts` : 'list'} mutationOptions={useSaveErrorOptions()}>
      <SimpleForm sx={FORM_SX}>
        <KeepOnLanguageSwitch />
        <ContactInputs creating />
      </SimpleForm>
    </Create>
  );
};

export const edit = simpleEdit(ContactInputs, permissionToolbar('contact'));
