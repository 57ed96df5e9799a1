/** Project root (the folder holding now.config.json). */
export declare const root: string
/** Runs fn while holding the work tree's now-sdk build lock. */
export declare function withBuildLock<T>(fn: () => T): T
/** Runs `now-sdk <args>` in the project root; throws with the CLI's output on failure. */
export declare function sdk(args: string[]): void
