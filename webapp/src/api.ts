/** The broker's API as the page reaches it: the session cookie authenticates, the CSRF token guards every change. */
export type Session = {
  signedIn: boolean;
  org: string | null;
  role: 'party' | 'serviceowner' | null;
  csrfToken: string | null;
  devSignIn: boolean;
  oidcSignIn: boolean;
};

let csrfToken: string | null = null;

export function setCsrf(token: string | null) {
  csrfToken = token;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

export class ApiError extends Error {
  constructor(public status: number, public detail: string, public body: unknown) {
    super(detail);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...csrfHeaders(), ...(init.headers as Record<string, string>) };
  if (init.body && typeof init.body === 'string') headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  const text = await response.text();
  const body = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const detail = typeof body === 'object' && body !== null
      ? String((body as { detail?: string; title?: string }).detail ?? (body as { title?: string }).title ?? response.status)
      : String(body || response.status);
    throw new ApiError(response.status, detail, body);
  }
  return body as T;
}

export const json = (value: unknown) => JSON.stringify(value);

export type Row = {
  id: string;
  resourceId: string;
  fileName: string;
  sendersReference: string;
  senderOrg: string;
  status: string;
  created: string;
  expirationTime: string;
  fileSize: number | null;
  myStatus: string | null;
  recipients: number;
  confirmed: number;
};

export type StatusEntry = { recipient?: string; recipientStatusCode?: string; fileTransferStatusCode?: string;
  fileTransferStatusText?: string; recipientStatusText?: string; recipientStatusChanged?: string;
  fileTransferStatusChanged?: string; [k: string]: unknown };

export type Details = {
  fileTransferId: string;
  resourceId: string;
  fileName: string;
  sendersFileTransferReference: string;
  sender: string;
  recipients: string[];
  fileTransferStatus: string;
  fileTransferStatusText: string;
  fileTransferStatusChanged: string;
  created: string;
  expirationTime: string;
  fileTransferSize: number | null;
  checksum: string | null;
  sha256?: string | null;
  propertyList: Record<string, string>;
  recipientFileTransferStatusHistory?: StatusEntry[];
  fileTransferStatusHistory?: StatusEntry[];
  malwareScans?: Record<string, unknown>[];
  [k: string]: unknown;
};

export const transferPath = (id: string) => `/broker/api/v1/filetransfer/${encodeURIComponent(id)}`;
