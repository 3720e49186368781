import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Prisma's better-sqlite3 adapter shares one connection between everything: a query that runs
 * while an interactive transaction is open (another request awaiting between two statements)
 * silently joins that transaction and is lost if it rolls back. This wrapper serialises access:
 * a transaction holds the connection from BEGIN to COMMIT/ROLLBACK and other queries wait.
 * Transactions start with BEGIN IMMEDIATE so that a second process (a worker) waits for the write
 * lock (busy_timeout) instead of failing when a read transaction upgrades to a write.
 */
export function serializedSqlite(url: string, options: { busyTimeoutMs?: number } = {}): SqlDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url, timeout: options.busyTimeoutMs ?? 5000 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      cacheStatements(adapter);
      await adapter.executeScript(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
      );
      return new SerializedAdapter(adapter);
    },
  };
}

/** Compiled statements kept per connection; a few hundred distinct SQL texts cover the application. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Prisma's adapter compiles every statement anew (`client.prepare(sql).bind(args)`, and a bound
 * better-sqlite3 statement can never take other arguments), which was about a third of SQLite's
 * time on the intake path. This hands the adapter a client whose `prepare` returns a compiled
 * statement kept per SQL text, and whose `bind` passes the arguments to that one call instead of
 * fixing them, so Prisma's own argument, result and error conversions stay in use unchanged. It
 * relies on the adapter's call pattern (pinned Prisma version): `prepare(sql).bind(args)` followed
 * by `run()`, or by `reader`, `columns()` and `raw().all()`; plus `exec` and `close`.
 */
function cacheStatements(adapter: SqlDriverAdapter) {
  const holder = adapter as unknown as { client?: Database.Database };
  const sqlite = holder.client;
  if (!sqlite || typeof sqlite.prepare !== "function" || typeof sqlite.exec !== "function") {
    throw new Error("The better-sqlite3 adapter no longer keeps its connection in `client`: src/db/sqlite-adapter.ts needs updating for this Prisma version");
  }
  const statements = new Map<string, Database.Statement>();
  const compiled = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // Oldest first out: the texts that vary (IN lists of many lengths) do not push out the everyday ones for long.
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  holder.client = {
    prepare: (sql: string) => ({
      bind: (args: unknown[]) => {
        const statement = compiled(sql);
        return {
          reader: statement.reader,
          columns: () => statement.columns(),
          run: () => statement.run(...args),
          raw: () => ({ all: () => statement.raw(true).all(...args) }),
        };
      },
    }),
    exec: (script: string) => sqlite.exec(script),
    close: () => {
      statements.clear();
      return sqlite.close();
    },
  } as unknown as Database.Database;
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly #inner: SqlDriverAdapter;
  readonly #mutex = new Mutex();

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.#mutex.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#exclusive(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#exclusive(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#exclusive(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      throw new Error(`SQLite transactions are always SERIALIZABLE (asked for ${isolationLevel})`);
    }
    const release = await this.#mutex.acquire();
    try {
      await this.#inner.executeScript("BEGIN IMMEDIATE");
    } catch (error) {
      release();
      throw error;
    }
    const inner = this.#inner;
    let isOpen = true;
    const close = () => {
      if (isOpen) {
        isOpen = false;
        release();
      }
    };
    // Prisma sends COMMIT / ROLLBACK itself through executeRaw, then calls commit()/rollback().
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      commit: async () => close(),
      rollback: async () => close(),
      createSavepoint: async (name) => void (await inner.executeRaw({ sql: `SAVEPOINT ${name}`, args: [], argTypes: [] })),
      rollbackToSavepoint: async (name) => void (await inner.executeRaw({ sql: `ROLLBACK TO ${name}`, args: [], argTypes: [] })),
      releaseSavepoint: async (name) => void (await inner.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] })),
    };
  }

  getConnectionInfo() {
    return this.#inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    return this.#exclusive(() => this.#inner.dispose());
  }
}
