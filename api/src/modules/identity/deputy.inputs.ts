import { IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/local-date.scalar';

@InputType({ description: 'Who stands in for the user, from..to inclusive (the server\'s calendar)' })
export class SetDeputyInput {
  @Field(() => ID, { description: 'The absent user: oneself, or anyone for a head of sales (deputy:others)' })
  @IsUUID()
  userId: string;

  @Field(() => ID, { description: 'An active user other than the absent one' })
  @IsUUID()
  deputyId: string;

  @Field(() => LocalDateScalar)
  from: string;

  @Field(() => LocalDateScalar, { description: 'Not before from' })
  to: string;
}
