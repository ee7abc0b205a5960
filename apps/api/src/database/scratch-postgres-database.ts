import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A throw-away PostgreSQL database; `drop()` removes it (closing leftover connections). */
export interface ScratchPostgresDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** Where scratch databases are created when nothing else is said. */
export const DEFAULT_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates an empty, uniquely named database on the server of `adminUrl` (a URL whose user
 * may CREATE DATABASE). Used by the migration generator and by the integration tests.
 */
export async function createScratchPostgresDatabase(adminUrl: string, prefix: string, opts: { template?: string } = {}): Promise<ScratchPostgresDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name ${name}`);
  if (opts.template !== undefined && !SAFE_NAME.test(opts.template)) throw new Error(`Unsafe template name ${opts.template}`);
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${opts.template === undefined ? '' : ` TEMPLATE "${opts.template}"`}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Whether a database of that name exists on the server of `adminUrl`. */
export async function postgresDatabaseExists(adminUrl: string, name: string): Promise<boolean> {
  const { rows } = await withAdmin(adminUrl, (client) => client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return rows.length > 0;
}

/** Renames a database nobody is connected to; throws when `to` exists (another process made it first). */
export async function renamePostgresDatabase(adminUrl: string, from: string, to: string): Promise<void> {
  if (!SAFE_NAME.test(from) || !SAFE_NAME.test(to)) throw new Error(`Unsafe database name ${from} / ${to}`);
  await withAdmin(adminUrl, (client) => client.query(`ALTER DATABASE "${from}" RENAME TO "${to}"`));
}

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
