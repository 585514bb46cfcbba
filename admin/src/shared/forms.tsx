import type { ComponentType } from 'react';
import { Create, Edit, SimpleForm } from 'react-admin';

/** The create screen of a resource whose form is one column of inputs. */
export const simpleCreate = (Inputs: ComponentType<{ creating?: boolean }>) => {
  const SimpleCreate = () => (
    <Create redirect="list">
      <SimpleForm>
        <Inputs creating />
      </SimpleForm>
    </Create>
  );
  return SimpleCreate;
};

/** The edit screen: pessimistic, so a CONFLICT or a field error shows before leaving the form. */
export const simpleEdit = (Inputs: ComponentType<{ creating?: boolean }>, toolbar?: React.ReactElement) => {
  const SimpleEdit = () => (
    <Edit mutationMode="pessimistic">
      <SimpleForm toolbar={toolbar}>
        <Inputs />
      </SimpleForm>
    </Edit>
  );
  return SimpleEdit;
};
