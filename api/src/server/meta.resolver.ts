import { Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { ErrorCode } from '../shared/errors';
import { FieldReason } from '../shared/field-errors';
import { Role } from '../modules/identity/permissions';

@ObjectType({ description: 'What one role may do' })
class RolePermissions {
  @Field(() => Role)
  role: Role;

  @Field(() => [String], { description: 'resource:action pairs and field permissions such as cost:read' })
  permissions: string[];
}

/** Lets clients (and codegen) see the enums they must handle. */
@Resolver()
export class MetaResolver {
  @Authorized()
  @Query(() => [ErrorCode], { description: 'Every code an error may carry in extensions.code' })
  errorCodes(): ErrorCode[] {
    return Object.values(ErrorCode);
  }

  @Authorized()
  @Query(() => [FieldReason], { description: 'Every reason an entry of extensions.fieldErrors may give' })
  fieldErrorReasons(): FieldReason[] {
    return Object.values(FieldReason);
  }

  @Authorized()
  @Query(() => [Role])
  roles(): Role[] {
    return Object.values(Role);
  }

  @Authorized('user:update')
  @Query(() => [RolePermissions], { description: 'The permission matrix, role by role (administrators)' })
  permissionMatrix(@Ctx() ctx: Context): RolePermissions[] {
    return Object.values(Role).map((role) => ({ role, permissions: [...ctx.services.permissions.of([role])].sort() }));
  }
}
