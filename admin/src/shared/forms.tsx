import type { ComponentType } from 'react';
import { Create, DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, type TransformData } from 'react-admin';
import { KeepOnLanguageSwitch } from './formKeeper';
import { useCan } from './permissions';
import { useSaveErrorOptions } from './useNotifyError';

/** "1 250,50" typed the Russian way is sent as "1250.50": prices and quantities are exact decimals. */
export const parseDecimal = (value: string) => (value === '' ? null : value.replace(/\s/g, '').replace(',', '.'));

/** The VAT rates the API accepts (DESIGN §5). Decimals come back as "22", the same strings as these choices. */
export const VAT_RATE_CHOICES = ['0', '10', '22'].map((rate) => ({ id: rate, name: `${rate} %` }));

/** On a phone react-admin's Save bar sits fixed at the bottom: the form ends above it, so the last inputs stay reachable. */
export const FORM_SX = { pb: { xs: 10, sm: 2 }, maxWidth: '100%' } as const;

interface FormOptions {
  /** Reshapes the form's values before they are sent (e.g. drops the inputs the chosen kind does not use). */
  transform?: TransformData;
  /** The edit screen's actions at the top (react-admin's `actions`), e.g. a verb of the record. */
  actions?: React.ReactElement;
}

/** The create screen of a resource whose form is one column of inputs. */
export const simpleCreate = (Inputs: ComponentType<{ creating?: boolean }>, options: FormOptions = {}) => {
  const SimpleCreate = () => (
    <Create redirect="list" transform={options.transform} mutationOptions={useSaveErrorOptions()}>
      <SimpleForm sx={FORM_SX}>
        <KeepOnLanguageSwitch />
        <Inputs creating />
      </SimpleForm>
    </Create>
  );
  return SimpleCreate;
};

/** The edit screen: pessimistic, so a CONFLICT (someone else changed the record) or a field error shows before leaving the form. */
export const simpleEdit = (Inputs: ComponentType<{ creating?: boolean }>, toolbar?: React.ReactElement, options: FormOptions = {}) => {
  const SimpleEdit = () => (
    <Edit mutationMode="pessimistic" transform={options.transform} mutationOptions={useSaveErrorOptions()} actions={options.actions}>
      <SimpleForm toolbar={toolbar} sx={FORM_SX}>
        <KeepOnLanguageSwitch />
        <Inputs />
      </SimpleForm>
    </Edit>
  );
  return SimpleEdit;
};

/** An edit toolbar: Save only with `<resource>:update`, Delete only with `<resource>:delete`. */
export const permissionToolbar = (resource: string) => {
  const PermissionToolbar = () => {
    const can = useCan();
    return (
      <Toolbar sx={{ justifyContent: 'space-between' }}>
        <SaveButton disabled={!can(`${resource}:update`)} />
        {can(`${resource}:delete`) && <DeleteButton mutationMode="pessimistic" />}
      </Toolbar>
    );
  };
  return <PermissionToolbar />;
};
