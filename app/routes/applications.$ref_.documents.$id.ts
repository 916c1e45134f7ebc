// Download one of an application's documents; only its owner may, anyone else gets 404.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../services/session.server';
import { parseId, parseReference } from '../lib/validation';
import { getApplicantDocument } from '../services/documents.server';
import { documentResponse } from '../services/documents.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  return documentResponse(
    await getApplicantDocument({ db: context.db, userId: user.id, reference: parseReference(params.ref), documentId: parseId(params.id) }),
  );
}
