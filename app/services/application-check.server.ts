// "Check your answers" for a draft application (issue 13 §4): the money it would get now, and changing a draft's
// declarations and quotation document before it is submitted. Submitting is applications.server.ts's.
import type { DB } from '../../db/client';
import { checkDocument } from '../domain/documents';
import { fundingSplit } from '../domain/funding';
import type { ApplicantDeclaration } from '../domain/reasons';
import { getApplicantApplication } from './applications.server';
import { storeDocument, type UploadedDocument } from './documents.server';
import { recordTransition } from './audit.server';
import { fundingRules } from './catalogue.server';
import { getCurrentSettings } from './settings.server';
import { committedCents } from './enterprises.server';
import { ownedByShop } from './ownership.server';

/**
 * The owner's draft with the split it would get if submitted now (cost, programme share, shop share, the ceiling
 * left after it) under the current settings; `undefined` for someone else's or a missing one.
 */
export async function getDraftToCheck({ db, userId, reference }: { db: DB; userId: number; reference: string }) {
  const application = await getApplicantApplication({ db, userId, reference });
  if (!application) return undefined;
  const [settings, committed, row] = await Promise.all([
    getCurrentSettings(db),
    committedCents({ db, enterpriseId: application.enterpriseId }),
    db.selectFrom('applications').select('quotationId').where('id', '=', application.id).executeTakeFirstOrThrow(),
  ]);
  const rules = fundingRules(settings);
  const split = fundingSplit({ costCents: application.costCents, committedCents: committed, rules });
  return { application, quotationId: row.quotationId, split, matchBps: rules.matchBps };
}

export type ChangeDraftResult =
  | { ok: true; reference: string }
  | { ok: false; code: 'not_found' | 'not_draft' | 'document_missing' | 'document_too_large' | 'document_type' };

/**
 * Replaces a draft's declarations and its quotation document (the owner changed them from "check your answers"), in
 * one transaction with the application's event. Only the owner's draft of this quotation, and only while a draft.
 */
export async function changeDraftAnswers({
  db,
  userId,
  quotationId,
  declarations,
  document,
}: {
  db: DB;
  userId: number;
  quotationId: number;
  declarations: Record<ApplicantDeclaration, true>;
  document: UploadedDocument;
}): Promise<ChangeDraftResult> {
  const check = checkDocument(document.bytes);
  if (!check.ok) return { ok: false, code: check.code };
  return db.transaction().execute(async (trx): Promise<ChangeDraftResult> => {
    const draft = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select(['a.id', 'a.reference', 'a.status'])
      .where('a.quotationId', '=', quotationId)
      .where((eb) => ownedByShop(eb, userId))
      .forUpdate(['a'])
      .executeTakeFirst();
    if (!draft) return { ok: false, code: 'not_found' };
    // Guarded: a submit that got in first wins, and the submitted answers stay as they were.
    const changed = await trx
      .updateTable('applications')
      .set({ declarations: JSON.stringify(declarations) })
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return { ok: false, code: 'not_draft' };
    await trx.deleteFrom('documents').where('applicationId', '=', draft.id).where('kind', '=', 'quotation').execute();
    await storeDocument(trx, { applicationId: draft.id, kind: 'quotation', document, userId });
    await recordTransition(trx, {
      applicationId: draft.id,
      actorUserId: userId,
      actorRole: 'applicant',
      action: 'change_answers',
      fromStatus: 'draft',
      toStatus: 'draft',
    });
    return { ok: true, reference: draft.reference };
  });
}
