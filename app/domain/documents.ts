// What an uploaded file really is, judged by its first bytes (magic numbers), never by its name.
export const acceptedDocumentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof acceptedDocumentTypes)[number];

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

export type DocumentCheck =
  { ok: true; contentType: DocumentType } | { ok: false; code: 'document_missing' | 'document_too_large' | 'document_type' };

export function checkDocument(bytes: Uint8Array | null | undefined): DocumentCheck {
  if (!bytes || bytes.length === 0) return { ok: false, code: 'document_missing' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, code: 'document_too_large' };
  const contentType = sniffDocumentType(bytes);
  return contentType ? { ok: true, contentType } : { ok: false, code: 'document_type' };
}

/** A file name safe to store and to send back in Content-Disposition. */
export function safeFilename(name: string, contentType: DocumentType): string {
  const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[contentType];
  const base =
    (name.split(/[\\/]/).pop() ?? '')
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N} ._-]/gu, '_')
      .trim()
      .slice(0, 80) || 'document';
  return `${base}.${extension}`;
}
