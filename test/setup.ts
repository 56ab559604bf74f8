// Runs before every test file, inside workerd: brings the local D1 database to the current schema.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
