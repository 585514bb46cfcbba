import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';
import { apiKeyPrefixOf } from './api-key-token';
import { ApiKey } from './api-key.entity';
import { ApiKeyListArgs, CreateApiKeyInput, CreatedApiKey } from './api-key.inputs';
import { User } from './user.entity';

const ApiKeyPage = PageType(ApiKey);

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized('apiKey:read')
  @Query(() => ApiKeyPage, { description: "Partners' API keys, revoked ones too; never their text" })
  apiKeys(@Args() args: ApiKeyListArgs, @Ctx() ctx: Context) {
    return ctx.services.apiKeys.list(ctx, args);
  }

  @Authorized('apiKey:read')
  @Query(() => ApiKey, { nullable: true })
  apiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.apiKeys.get(ctx, id);
  }

  @Authorized('apiKey:create')
  @Mutation(() => CreatedApiKey, { description: 'A key that acts as a PARTNER user of the client: its text is returned this once and never again' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<CreatedApiKey> {
    return ctx.services.apiKeys.create(ctx, input);
  }

  @Authorized('apiKey:delete')
  @Mutation(() => ApiKey, { description: 'From now on the key is refused (UNAUTHENTICATED) on every instance and its WebSockets are closed (4403); revoking it again changes nothing' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.apiKeys.revoke(ctx, id);
  }

  @FieldResolver(() => String, { description: 'The start of the key\'s text (tbk_<id>_), to tell which key a server holds' })
  prefix(@Root() apiKey: ApiKey): string {
    return apiKeyPrefixOf(apiKey.id);
  }

  @FieldResolver(() => Counterparty, { description: 'The client it acts for' })
  counterparty(@Root() apiKey: ApiKey, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(apiKey.counterparty.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The administrator who made it (null once that user is deleted)' })
  createdBy(@Root() apiKey: ApiKey, @Ctx() ctx: Context) {
    return apiKey.createdBy ? ctx.loaders.byId(User).load(apiKey.createdBy.id) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The administrator who revoked it' })
  revokedBy(@Root() apiKey: ApiKey, @Ctx() ctx: Context) {
    return apiKey.revokedBy ? ctx.loaders.byId(User).load(apiKey.revokedBy.id) : null;
  }
}
