import { ArrayMaxSize, IsEnum, IsInt, IsOptional } from 'class-validator';
import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Role } from '../identity/permissions';

@ObjectType({ description: 'The largest manual discount a role may give on a quote line, in percent' })
export class ManualDiscountCap {
  @Field(() => Role)
  role: Role;

  @Field(() => DecimalScalar)
  percent: string;
}

@ObjectType({ description: 'Installation-wide pricing settings (stored under the app setting "pricing")' })
export class PricingSettings {
  @Field(() => Int, { description: 'Send it back with an update; a stale one fails with CONFLICT' })
  version: number;

  @Field(() => [ManualDiscountCap], { description: 'One per role, in the order of the Role enum; a user gets the largest cap among their roles' })
  manualDiscountCaps: ManualDiscountCap[];

  @Field(() => [Role], { description: 'Roles that may quote and sell below cost' })
  belowCostRoles: Role[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while the defaults were never changed' })
  updatedAt: Date | null;

  /** The user who last changed them (resolved as `updatedBy`). */
  updatedById: string | null;
}

@InputType()
export class ManualDiscountCapInput {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => DecimalScalar, { description: '0..100' })
  percent: string;
}

/** Only what is sent changes: each cap sent sets its role's cap; `belowCostRoles` replaces the list. */
@InputType()
export class UpdatePricingSettingsInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => [ManualDiscountCapInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  manualDiscountCaps?: ManualDiscountCapInput[] | null;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsEnum(Role, { each: true })
  belowCostRoles?: Role[] | null;
}
