import { resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  sqliteFile: string;
  staticDir: string;
  logLevel: string;
}

function port(value: string | undefined): number {
  const n = Number(value ?? 8080);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  return {
    host: env.HOST ?? 'localhost',
    port: port(env.PORT),
    dataDir,
    sqliteFile: resolve(dataDir, env.SQLITE_FILE ?? 'nrm-field.sqlite'),
    staticDir: resolve(cwd, env.STATIC_DIR ?? 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
