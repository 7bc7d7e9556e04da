import { basename, dirname, join } from "node:path";
import type { StoreFileSystem } from "./store-file-system.ts";
import { storeIoError } from "./store-io-error.ts";

/**
 * Writes `text` to a temporary file beside `path` (`.name.tmp`) and renames it over
 * `path`, so a crash leaves the old file whole. A failed write (full disk, read-only
 * file system) removes the partial temporary file and throws an AppError
 * STORE_UNWRITABLE that names `path` and what to do; `path` is not touched.
 */
export async function writeAtomically(
  fs: StoreFileSystem,
  path: string,
  text: string,
  dataDir: string,
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.tmp`);
  try {
    await fs.writeFile(temporary, text);
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.unlink(temporary).catch(() => {});
    throw storeIoError(error, "write", path, dataDir);
  }
}
