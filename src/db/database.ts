/**
 * The database layer's public entry: opening a database, and the SQLite connection's hooks that the
 * layers above use. Each concept lives in its own file: open-database.ts, sqlite/, postgres/.
 */
export { openDatabase, ping, type Db, type DatabaseHandle, type DatabaseOptions } from './open-database.js';
export { shareWriteLock, writeLockTurn } from './sqlite/write-lock.js';
export { directStatements, type DirectStatements } from './sqlite/statement-cache.js';
export { readStatements, type ReadStatements } from './sqlite/read-connection.js';
