// Document storage: the files applicants upload (quotations, answers, invoices, proofs of payment) are checked, stored
// in the database with their hash, and read back only by their owner or an officer, always as an attachment.
import crypto from 'node:crypto';
import type { DB, Trx } from '../../db/client';
import type { DocumentKind } from '../../db/schema';
import { checkDocument, safeFilename } from '../domain/documents';
import { notFound } from '../lib/responses';
import { ownedByShop } from './ownership.server';

export type UploadedDocument = { bytes: Uint8Array; filename: string };

/** Stores a file the route's schema took and the caller's service checked (checkDocument), inside the caller's transaction. */
export async function storeDocument(
  trx: Trx,
  { applicationId, kind, document, userId }: { applicationId: number; kind: DocumentKind; document: UploadedDocument; userId: number },
) {
  const check = checkDocument(document.bytes);
  if (!check.ok) throw new Error(`storeDocument called with an unchecked file: ${check.code}`);
  await trx
    .insertInto('documents')
    .values({
      applicationId,
      kind,
      filename: safeFilename(document.filename, check.contentType),
      contentType: check.contentType,
      sizeBytes: document.bytes.byteLength,
      sha256: crypto.createHash('sha256').update(document.bytes).digest('hex'),
      content: Buffer.from(document.bytes),
      uploadedBy: userId,
    })
    .execute();
}

/** A document's bytes, for its owner only. */
export async function getApplicantDocument({
  db,
  userId,
  reference,
  documentId,
}: {
  db: DB;
  userId: number;
  reference: string;
  documentId: number;
}) {
  return db
    .selectFrom('documents as d')
    .innerJoin('applications as a', 'a.id', 'd.applicationId')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .select(['d.filename', 'd.contentType', 'd.content', 'd.sizeBytes'])
    .where('d.id', '=', documentId)
    .where('a.reference', '=', reference)
    .where((eb) => ownedByShop(eb, userId))
    .executeTakeFirst();
}

/** A document of a submitted application, for an officer. */
export async function getOfficerDocument({ db, reference, documentId }: { db: DB; reference: string; documentId: number }) {
  return db
    .selectFrom('documents as d')
    .innerJoin('applications as a', 'a.id', 'd.applicationId')
    .select(['d.filename', 'd.contentType', 'd.content', 'd.sizeBytes'])
    .where('d.id', '=', documentId)
    .where('a.reference', '=', reference)
    .where('a.status', '<>', 'draft')
    .executeTakeFirst();
}

type StoredDocument = { filename: string; contentType: string; content: Buffer; sizeBytes: number };

/** Sending a stored document back: always as an attachment with its sniffed type, never rendered inline; none is a 404. */
export function documentResponse(doc: StoredDocument | undefined): Response {
  if (!doc) throw notFound();
  return new Response(new Uint8Array(doc.content), {
    headers: {
      'Content-Type': doc.contentType,
      'Content-Length': String(doc.sizeBytes),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
