/**
 * The advisory locks the bot takes, as (namespace, key) pairs: the namespace keeps them
 * apart from any other application's locks on a shared server.
 */
export const LOCK_NAMESPACE = 0x6e71_0000;
/** Held while migrations run, so instances starting together apply each one once. */
export const MIGRATION_LOCK = 1;
/** Held by the one corpus writer (add, remove, refresh) across all instances. */
export const CORPUS_WRITER_LOCK = 2;
/**
 * The namespace of instance locks: each process that claims updates holds one, keyed by
 * a random number, for as long as it lives. Its claims name that key, so another instance
 * can tell a claim whose holder is gone (its lock released with its connection).
 */
export const INSTANCE_LOCK_NAMESPACE = LOCK_NAMESPACE + 1;
