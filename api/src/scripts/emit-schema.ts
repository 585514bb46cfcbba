import 'reflect-metadata';
import { emitSchema } from '../server/schema';

/** `npm run schema:emit`: writes schema/schema.graphql from the code. */
emitSchema('schema/schema.graphql')
  .then(() => console.log('schema/schema.graphql written'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
