import * as tus from 'tus-js-client';
import { csrfHeaders } from '../api';

/**
 * Uploads that were started and not finished, kept in this browser so that after a reload or a lost network the
 * person can pick the same file again and continue from the offset the broker stored. Only ids and file facts are
 * kept, never a token.
 */
export type Pending = { transferId: string; name: string; size: number; lastModified: number; resourceId: string };
const KEY = 'formidler-pending-uploads';

export function pendingUploads(): Pending[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Pending[];
  } catch {
    return [];
  }
}

export function remember(p: Pending) {
  localStorage.setItem(KEY, JSON.stringify([...pendingUploads().filter((q) => q.transferId !== p.transferId), p]));
}

export function forget(transferId: string) {
  localStorage.setItem(KEY, JSON.stringify(pendingUploads().filter((q) => q.transferId !== transferId)));
}

export function matching(file: File): Pending | undefined {
  return pendingUploads().find((p) => p.name === file.name && p.size === file.size && p.lastModified === file.lastModified);
}

const MIB = 1024 * 1024;

export type Progress = { sent: number; total: number; bytesPerSecond: number };

/** A TUS upload of the transfer's file: parallel parts for big files, retried on network loss, resumable. */
export function tusUpload(transferId: string, file: File, onProgress: (p: Progress) => void,
                          onDone: () => void, onFail: (e: Error) => void): tus.Upload {
  const started = { time: performance.now(), bytes: 0 };
  let samples: { time: number; bytes: number }[] = [];
  const upload = new tus.Upload(file, {
    endpoint: `/broker/api/v1/filetransfer/upload/tus/${encodeURIComponent(transferId)}`,
    chunkSize: 8 * MIB,
    parallelUploads: file.size >= 64 * MIB ? 4 : 1,
    retryDelays: [0, 1000, 2000, 5000, 10000, 20000, 30000, 60000],
    metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
    removeFingerprintOnSuccess: true,
    onBeforeRequest: (req) => {
      for (const [name, value] of Object.entries(csrfHeaders())) req.setHeader(name, value);
    },
    onProgress: (sent, total) => {
      const now = performance.now();
      samples = [...samples.filter((s) => now - s.time < 5000), { time: now, bytes: sent }];
      const first = samples[0];
      const elapsed = (now - (samples.length > 1 ? first.time : started.time)) / 1000;
      const rate = elapsed > 0 ? (sent - (samples.length > 1 ? first.bytes : started.bytes)) / elapsed : 0;
      onProgress({ sent, total, bytesPerSecond: rate });
    },
    onSuccess: onDone,
    onError: onFail,
  });
  return upload;
}

/** Starts the upload, continuing a previous one of the same file to the same transfer if this browser has one. */
export async function startOrResume(upload: tus.Upload) {
  const previous = await upload.findPreviousUploads();
  if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
  upload.start();
}
