// Officers download an application's documents. Like the review page they belong to, officers only: an administrator
// manages settings and accounts, not cases, and sees neither.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireRole } from '../services/session.server';
import { parseId, parseReference } from '../lib/validation';
import { getOfficerDocument } from '../services/documents.server';
import { documentResponse } from '../services/documents.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'officer');
  return documentResponse(
    await getOfficerDocument({ db: context.db, reference: parseReference(params.ref), documentId: parseId(params.id) }),
  );
}
