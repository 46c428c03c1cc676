import type { UploadProgress } from './file-access';
import { initIpc } from './ipc';

export type { UploadProgress } from './file-access';

/** The path the main-process handlers can open for one file; uploads it first in the browser host. */
export const pickFilePath = (file: File, onProgress?: UploadProgress, signal?: AbortSignal): Promise<string> => initIpc().files.pathFor(file, onProgress, signal);

/**
 * Paths for several files, in order. Uploads (browser host) run one after another: the host writes
 * each to disk, and the first file is the one the user looks at first.
 */
export async function pickFilePaths(files: File[], onProgress?: (file: File, loaded: number, total: number) => void): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) paths.push(await pickFilePath(file, onProgress === undefined ? undefined : (loaded, total) => onProgress(file, loaded, total)));
  return paths;
}
