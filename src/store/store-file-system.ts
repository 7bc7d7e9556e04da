import { copyFile, mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";

/**
 * The file operations the store and its lock file use, passed in so that tests can make
 * them fail as a read-only or full disk does (running as root, chmod does not).
 */
export interface StoreFileSystem {
  readFile(path: string): Promise<string>;
  /** `flag: "wx"` creates the file only if it does not exist yet (the lock). */
  writeFile(path: string, data: string, options?: { flag?: string }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  /** Creates the folder and any missing parents. An existing folder is not an error. */
  mkdir(path: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ mtimeMs: number; size: number; ino: number }>;
}

export const NODE_STORE_FILE_SYSTEM: StoreFileSystem = {
  readFile: (path) => readFile(path, "utf8"),
  writeFile: (path, data, options) => writeFile(path, data, { encoding: "utf8", ...options }),
  rename,
  copyFile: (from, to) => copyFile(from, to),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  unlink,
  stat,
};
