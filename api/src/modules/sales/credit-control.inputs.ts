import { MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A head of sales lets an order past credit control; who and why go to the audit log' })
export class CreditOverrideInput {
  @Field({ description: 'Why the order goes through' })
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
