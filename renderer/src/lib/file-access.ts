import { z } from 'zod';
import { AppErrorSchema } from '../../../shared/ipc/result';
import type { YardstickBridge } from './bridge';
import { IpcError } from './ipc-error';
import { MISSING_TOKEN_MESSAGE } from './browser-token';

/** Bytes sent so far of the file's total; called often while a browser upload runs. */
export type UploadProgress = (loaded: number, total: number) => void;

/**
 * Turns a file the user dropped or chose into a path the main-process handlers can open. In
 * Electron that is the file's own path; the browser host cannot see the user's disk, so the file
 * is uploaded to it first and the host answers with where it stored the copy.
 */
export type FileAccess = {
  /** `signal` stops an upload that is no longer wanted (the file was taken off the queue). */
  pathFor(file: File, onProgress?: UploadProgress, signal?: AbortSignal): Promise<string>;
};

export type UploadRequest = { url: string; token: string; body: Blob; onProgress: UploadProgress; signal?: AbortSignal | undefined };
export type UploadResponse = { status: number; statusText: string; text: string };
/** Sends one upload; injected so the envelope handling is testable without a browser. */
export type Upload = (request: UploadRequest) => Promise<UploadResponse>;

export const uploadUrl = (fileName: string): string => `/api/upload?name=${encodeURIComponent(fileName)}`;

export function createElectronFileAccess(bridge: YardstickBridge): FileAccess {
  return {
    pathFor(file) {
      if (bridge.pathForFile === undefined) {
        return Promise.reject(new IpcError('UNAVAILABLE', 'This build of Yardstick cannot read dropped files yet; restart the app after updating it.'));
      }
      let path: string;
      try {
        path = bridge.pathForFile(file);
      } catch (cause) {
        return Promise.reject(new IpcError('UNAVAILABLE', `Could not find ${file.name} on disk.`, String(cause)));
      }
      // webUtils answers "" for data that never was a file on disk (dragged out of another app's window).
      if (path === '') return Promise.reject(new IpcError('INVALID_INPUT', `${file.name} is not a file on disk; save it to a folder first, then drop it here.`));
      return Promise.resolve(path);
    },
  };
}

const UploadedSchema = z.object({ path: z.string().min(1) });

/** The host's answer to an upload: the stored path, or the envelope's error as an IpcError. */
export function uploadedPath(fileName: string, response: UploadResponse): string {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    const code = response.status === 401 || response.status === 403 ? 'FORBIDDEN' : 'INTERNAL';
    throw new IpcError(code, `The Yardstick host answered ${response.status} ${response.statusText} to the upload of ${fileName} without a result.`);
  }
  const envelope = z.object({ ok: z.boolean(), data: z.unknown().optional(), error: z.unknown().optional() }).safeParse(body);
  if (!envelope.success) throw new IpcError('INTERNAL', `The answer to the upload of ${fileName} was not a result envelope.`);
  if (!envelope.data.ok) {
    const error = AppErrorSchema.safeParse(envelope.data.error);
    if (!error.success) throw new IpcError('INTERNAL', `The upload of ${fileName} failed without a readable error.`);
    throw new IpcError(error.data.code, error.data.message, error.data.details);
  }
  const data = UploadedSchema.safeParse(envelope.data.data);
  if (!data.success) throw new IpcError('INTERNAL', `The answer to the upload of ${fileName} carried no path.`);
  return data.data.path;
}

export function createBrowserFileAccess(options: { token: string; upload: Upload }): FileAccess {
  return {
    async pathFor(file, onProgress, signal) {
      let response: UploadResponse;
      try {
        response = await options.upload({ url: uploadUrl(file.name), token: options.token, body: file, onProgress: onProgress ?? (() => undefined), signal });
      } catch (cause) {
        if (signal?.aborted === true) throw new IpcError('CANCELLED', `The upload of ${file.name} was stopped.`);
        throw new IpcError('UNAVAILABLE', `Could not send ${file.name} to the Yardstick host. Is \`yardstick serve\` still running?`, String(cause));
      }
      return uploadedPath(file.name, response);
    },
  };
}

export const createMissingTokenFileAccess = (): FileAccess => ({ pathFor: () => Promise.reject(new IpcError('FORBIDDEN', MISSING_TOKEN_MESSAGE)) });

/** The real Upload over XMLHttpRequest: unlike fetch, it reports upload progress, and files can be large. */
export const xhrUpload: Upload = (request) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    xhr.setRequestHeader('Authorization', `Bearer ${request.token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => request.onProgress(event.loaded, event.lengthComputable ? event.total : request.body.size);
    xhr.onload = () => resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText });
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onabort = () => reject(new Error('upload aborted'));
    if (request.signal?.aborted === true) {
      reject(new Error('upload aborted'));
      return;
    }
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(request.body);
  });
