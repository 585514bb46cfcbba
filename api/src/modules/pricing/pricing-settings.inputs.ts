import { ArrayMaxSize, IsEnum, IsInt, IsOptional } from 'class-validator';
import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Role } from '../identity/permissions';

@ObjectType({ description: 'A limit of a role on a quote line, in percent' })
export class DiscountCap {
  @Field(() => Role)
  role: Role;

  @Field(() => DecimalScalar)
  percent: string;
}

@ObjectType({ description: 'Installation-wide pricing settings (stored under the app setting "pricing")' })
export class PricingSettings {
  @Field(() => Int, { description: 'Send it back with an update; a stale one fails with CONFLICT' })
  version: number;

  @Field(() => [DiscountCap], { description: 'The largest manual discount a role may type on a line. One per role, in the order of the Role enum; a user gets the largest cap among their roles' })
  manualDiscountCaps: DiscountCap[];

  @Field(() => [DiscountCap], {
    description:
      'The largest discount of a line from discount rules and the manual discount together. One per role, in the order of the Role enum; a user gets the largest among their roles; 100 is no limit. Rules are trimmed to it; a manual discount beyond it is refused',
  })
  totalDiscountCaps: DiscountCap[];

  @Field(() => [Role], { description: 'Roles that may quote and sell below cost' })
  belowCostRoles: Role[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while the defaults were never changed' })
  updatedAt: Date | null;

  /** The user who last changed them (resolved as `updatedBy`). */
  updatedById: string | null;
}

@InputType()
export class DiscountCapInput {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => DecimalScalar, { description: '0..100' })
  percent: string;
}

/** Only what is sent changes: each cap sent sets its role's cap (manual or total); `belowCostRoles` replaces the list. */
@InputType()
export class UpdatePricingSettingsInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => [DiscountCapInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  manualDiscountCaps?: DiscountCapInput[] | null;

  @Field(() => [DiscountCapInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  totalDiscountCaps?: DiscountCapInput[] | null;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsEnum(Role, { each: true })
  belowCostRoles?: Role[] | null;
}
