import { dirname } from "node:path";
import { AppError } from "../errors.ts";

/**
 * Turns a failed file operation on the store into one line that names the path and what
 * to do. `dataDir` is the folder DATA_DIR names.
 */
export function storeIoError(
  error: unknown,
  doing: "read" | "write" | "create",
  path: string,
  dataDir: string,
): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
  const writing = doing !== "read";
  const unchanged = writing ? " Nothing was changed." : "";
  const verb = doing === "create" ? "create the data folder" : doing;
  let message: string;
  switch (code) {
    case "EROFS":
      message = `Cannot ${verb} ${path}: the file system is read-only (EROFS). Set DATA_DIR to a writable folder, or mount ${dataDir} read-write.`;
      break;
    case "EACCES":
    case "EPERM":
      message = `Cannot ${verb} ${path}: permission denied (${code}). Let this user ${writing ? "write to" : "read"} ${dataDir}, or set DATA_DIR to a folder it can use.`;
      break;
    case "ENOSPC":
    case "EDQUOT":
      message = `Cannot ${verb} ${path}: the disk is full (${code}). Free space on the disk that holds ${dataDir}, then try again.`;
      break;
    case "ENOENT":
      message =
        doing === "create"
          ? `Cannot create the data folder ${path}: a folder on its path is missing or a broken link (ENOENT). Create ${dirname(path)}, or set DATA_DIR to a folder that exists.`
          : `Cannot ${verb} ${path}: the folder ${dataDir} is gone (ENOENT). Create it again, or set DATA_DIR.`;
      break;
    case "ENOTDIR":
      message = `Cannot ${verb} ${path}: part of the path ${dataDir} is a file, not a folder (ENOTDIR). Set DATA_DIR to a folder.`;
      break;
    case "EISDIR":
      message = `Cannot ${verb} ${path}: it is a folder, not a file (EISDIR). Move that folder away, or set DATA_DIR to another folder.`;
      break;
    default:
      message = `Cannot ${verb} ${path} (${code}). Check that DATA_DIR (${dataDir}) is a folder this user can ${writing ? "write" : "read"}.`;
  }
  return new AppError(writing ? "STORE_UNWRITABLE" : "STORE_UNREADABLE", message + unchanged, {
    cause: error,
  });
}
