import 'reflect-metadata';
import { connect, migrate } from '../../api/src/db/database';
import { seedDemo } from '../../api/src/db/seed/demo.seed';

/** Run in a child process by global-setup: migrates the template database and adds the demo logins. */
async function main(url: string) {
  const orm = await connect(url, { max: 4 });
  try {
    await migrate(orm);
    await seedDemo(orm.em.fork(), { usersOnly: true });
  } finally {
    await orm.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error);
  process.exit(1);
});
