// `npm run migrate`: brings the configured database to the latest migration and stops. The server does
// the same on start; this is for deployments that migrate once before rolling out new instances.
import { readConfig } from './config.ts';
import { connectDatabase } from './storage/connect.ts';
import { migrateToLatest } from './storage/migrate.ts';

const { database } = readConfig(process.env, process.cwd());
const connection = connectDatabase(database, (error) => console.warn(`Database connection lost while idle: ${error.message}`));
const where = database.kind === 'postgres' ? `PostgreSQL, schema ${database.schema}` : `SQLite, ${database.file}`;
try {
  const applied = await migrateToLatest(connection);
  process.stdout.write(applied.length > 0 ? `Applied ${applied.join(', ')} (${where})\n` : `Already up to date (${where})\n`);
} finally {
  await connection.db.destroy();
}
