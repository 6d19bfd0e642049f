import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Writes that must be durable before their caller answers; run inside a transaction shared with others. */
export type CommitWork<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupCommitter {
  /**
   * Runs `work` in a transaction it may share with other work queued meanwhile, and resolves with its
   * result only once that transaction has committed (with SQLite's synchronous=FULL or PostgreSQL's
   * synchronous_commit, once it is on disk). When `work` throws, its own writes are undone and the
   * others' are not, and it is run once more in a transaction of its own, whose outcome is its answer:
   * `work` must be safe to run twice (each here looks before it writes). `order` (the id it writes) puts
   * the pieces of a transaction in one order in every process, so two processes' transactions wait for
   * each other's rows, if at all, without a deadlock.
   */
  run<T>(work: CommitWork<T>, order?: string): Promise<T>;
}

export interface GroupCommitOptions {
  /** At most this many pieces of work in one transaction. */
  maxBatch?: number;
  /** Transactions that may be committing at once (1 for SQLite's single writer; more where the database has several connections). */
  concurrent?: number;
}

interface Queued {
  work: CommitWork<unknown>;
  order: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit without a timer: work that arrives while a transaction is committing waits and goes
 * into the next one together, so under load one fsync serves many requests, and a lone request waits
 * for no window. Each piece of work runs in a savepoint of its own, so one that fails (a reference
 * drawn twice) leaves the others standing.
 */
export function createGroupCommitter(db: Kysely<Database>, { maxBatch = 64, concurrent = 1 }: GroupCommitOptions = {}): GroupCommitter {
  let queue: Queued[] = [];
  let committing = 0;
  let scheduled = false;

  async function runAlone(item: Queued): Promise<void> {
    try {
      item.resolve(await db.transaction().execute((trx) => item.work(trx)));
    } catch (error) {
      item.reject(error);
    }
  }

  /** Runs each piece in its savepoint; a failure the savepoint cannot undo (SQLite ended the transaction: disk full) fails the batch. */
  async function runTogether(batch: readonly Queued[]): Promise<Outcome[]> {
    return db.transaction().execute(async (trx) => {
      const outcomes: Outcome[] = [];
      for (const item of batch) {
        await sql`savepoint work`.execute(trx);
        try {
          const value = await item.work(trx);
          await sql`release savepoint work`.execute(trx);
          outcomes.push({ ok: true, value });
        } catch (error) {
          try {
            await sql`rollback to savepoint work`.execute(trx);
            await sql`release savepoint work`.execute(trx);
          } catch {
            throw error;
          }
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });
  }

  async function commit(batch: Queued[]): Promise<void> {
    if (batch.length === 1) return runAlone(batch[0] as Queued);
    let outcomes: Outcome[];
    try {
      outcomes = await runTogether(batch);
    } catch {
      // Nothing of the batch was committed. Each piece alone then either stores or fails for its own
      // reason (PostgreSQL may also have chosen this batch as a deadlock victim against another process's).
      await Promise.all(batch.map(runAlone));
      return;
    }
    // What failed in company is tried once more alone, so a batch never answers worse than single
    // commits would: on PostgreSQL a piece can be the victim of a deadlock that only sharing made
    // (two processes' batches each holding an id the other's waits for). Work is written to be run again.
    await Promise.all(
      batch.map((item, i) => {
        const outcome = outcomes[i] as Outcome;
        if (!outcome.ok) return runAlone(item);
        item.resolve(outcome.value);
        return undefined;
      }),
    );
  }

  function pump(): void {
    scheduled = false;
    while (committing < concurrent && queue.length > 0) {
      const batch = queue.slice(0, maxBatch).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      queue = queue.slice(maxBatch);
      committing += 1;
      void commit(batch).finally(() => {
        committing -= 1;
        schedule();
      });
    }
  }

  /**
   * The next batch is taken on a later turn of the event loop, never straight from the last commit's
   * callback: with better-sqlite3 a whole batch runs without giving the event loop a turn, so only then
   * have the requests that progressed meanwhile (bodies read, seals opened) queued their work.
   */
  function schedule(): void {
    if (scheduled || committing >= concurrent || queue.length === 0) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    run<T>(work: CommitWork<T>, order = ''): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, order, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
