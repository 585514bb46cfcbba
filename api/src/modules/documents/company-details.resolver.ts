import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { User } from '../identity/user.entity';
import { CompanyDetails, UpdateCompanyDetailsInput } from './company-details.inputs';

@Resolver(() => CompanyDetails)
export class CompanyDetailsResolver {
  @Authorized('companyDetails:read')
  @Query(() => CompanyDetails, { description: 'The company’s own details, bank account, signatories and images for printed forms' })
  companyDetails(@Ctx() ctx: Context) {
    return ctx.services.companyDetails.get(ctx);
  }

  @Authorized('companyDetails:update')
  @Mutation(() => CompanyDetails, { description: 'BAD_USER_INPUT on the field for a wrong INN, KPP, OGRN, BIK, account or image; CONFLICT on a stale version' })
  updateCompanyDetails(@Arg('input') input: UpdateCompanyDetailsInput, @Ctx() ctx: Context) {
    return ctx.services.companyDetails.update(ctx, input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who changed them last' })
  updatedBy(@Root() details: CompanyDetails, @Ctx() ctx: Context) {
    return details.updatedById ? ctx.loaders.byId(User).load(details.updatedById) : null;
  }
}
