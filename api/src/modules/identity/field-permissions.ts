import { Field, getMetadataStorage, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A field that needs permissions of its own: without them it is null with a FORBIDDEN error at its path' })
export class FieldPermission {
  @Field({ description: 'The object type, e.g. PriceType' })
  type: string;

  @Field({ description: 'The field, e.g. basePriceType' })
  field: string;

  @Field(() => [String], { description: 'Every one of them is needed' })
  permissions: string[];
}

/**
 * The fields guarded by `@Authorized(...)`, read from type-graphql's metadata once the
 * schema is built, so the list is always what the schema enforces.
 */
export function guardedFields(): FieldPermission[] {
  return getMetadataStorage().objectTypes.flatMap((type) =>
    (type.fields ?? []).filter((field) => field.roles?.length).map((field) => ({ type: type.name, field: field.schemaName, permissions: [...field.roles!].map(String) })),
  );
}
