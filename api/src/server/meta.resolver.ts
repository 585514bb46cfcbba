import { Authorized, Query, Resolver } from 'type-graphql';
import { ErrorCode } from '../shared/errors';
import { Role } from '../modules/identity/permissions';

/** Lets clients (and codegen) see the enums they must handle. */
@Resolver()
export class MetaResolver {
  @Authorized()
  @Query(() => [ErrorCode], { description: 'Every code an error may carry in extensions.code' })
  errorCodes(): ErrorCode[] {
    return Object.values(ErrorCode);
  }

  @Authorized()
  @Query(() => [Role])
  roles(): Role[] {
    return Object.values(Role);
  }
}
