import { IsBoolean, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { BaseFilter } from '../../shared/crud';
import { PageArgs } from '../../shared/pagination';
import { ApiKey } from './api-key.entity';

export const API_KEY_NAME_MAX = 100;

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID, { description: 'The client (a counterparty with the CLIENT role) the key acts for, as a PARTNER user of it would' })
  @IsUUID('all')
  counterpartyId: string;

  @Field({ description: `What the key is for, e.g. "Web shop" (1 to ${API_KEY_NAME_MAX} characters)` })
  @MinLength(1)
  @MaxLength(API_KEY_NAME_MAX)
  name: string;
}

@InputType()
export class ApiKeyFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  counterpartyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only revoked keys; false: only those that work' })
  @IsOptional()
  @IsBoolean()
  revoked?: boolean | null;
}

@ArgsType()
export class ApiKeyListArgs extends PageArgs {
  @Field(() => ApiKeyFilter, { nullable: true })
  filter?: ApiKeyFilter;
}

@ObjectType({ description: 'A new API key: its text is here once and can never be read again' })
export class CreatedApiKey {
  @Field({ description: 'Send as "Authorization: Bearer <key>", or as connectionParams.token over WebSocket. Shown only now: keep it in the server\'s secrets' })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}
