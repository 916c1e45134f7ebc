// Download one of an application's documents; only its owner may, anyone else gets 404.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../lib/auth.server';
import { parseId } from '../lib/validation';
import { getApplicantDocument } from '../services/applications.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = /^DTS-\d{4}-\d{6}$/.test(params.ref ?? '') ? params.ref! : '';
  const doc = reference ? await getApplicantDocument({ db: context.db, userId: user.id, reference, documentId: parseId(params.id) }) : undefined;
  if (!doc) throw new Response('not found', { status: 404 });
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
