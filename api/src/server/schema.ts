import { writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { PermissionMatrix } from '../modules/identity/permissions';
import { DecimalScalar } from '../shared/decimal.scalar';
import { ErrorCode } from '../shared/errors';
import { checkPermissions } from './access';
import { guardArguments } from './input-guard';
import { runMutationsInTransactions } from './mutation-transaction';
import { defaultModules } from '../modules';
import { resolversOf, type AnyModule } from './module';

/**
 * The API; every mutation field runs in its own transaction, retried on serialization
 * failures and deadlocks; every field's arguments are checked (IDs, text) before it runs.
 */
export async function createSchema(modules: readonly AnyModule[] = defaultModules): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: resolversOf(modules) as NonEmptyArray<Function>,
    authChecker: checkPermissions,
    scalarsMap: [],
    orphanedTypes: [],
    validate: { forbidUnknownValues: false },
    // Subscriptions name their source with `subscribe` (the app's EventBus, from the context);
    // type-graphql insists on a pubSub even so, and topic-based subscriptions are not used.
    pubSub: {
      publish: () => {
        throw new Error('raise events with emitAfterCommit (written to the outbox with the transaction)');
      },
      subscribe: () => {
        throw new Error('subscriptions use the subscribe option with ctx.services.events');
      },
    },
  });
  assertKnownPermissions(PermissionMatrix.compose(modules.map((m) => m.permissions ?? {})));
  return guardArguments(runMutationsInTransactions(schema));
}

/** Every `@Authorized` names a permission some module declares: one that does not could never pass, and would lock the field silently. */
function assertKnownPermissions(matrix: PermissionMatrix): void {
  const storage = getMetadataStorage();
  const named = [...storage.authorizedFields, ...storage.authorizedResolver].flatMap((a) => a.roles as string[]);
  const unknown = [...new Set(named)].filter((permission) => !matrix.isKnown(permission));
  if (unknown.length) throw new Error(`@Authorized names permissions no module declares: ${unknown.join(', ')}`);
}

/** schema/schema.graphql: sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function emitSchema(path: string): Promise<void> {
  await writeFile(path, printSortedSchema(await createSchema()));
}

export { DecimalScalar, ErrorCode };
