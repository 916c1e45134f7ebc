// The vendor's inbox with what each quotation holds (issue 12 §5): the package, each chosen feature with its price,
// the total and the programme's share, so that the vendor never confirms blind. Confirmed enquiries show the items
// locked in their quotation; enquiries still open show what confirming would lock, at today's catalogue price.
import { sql } from 'kysely';
import type { QuotationItem } from '../../db/schema';
import { quotationSummary } from '../domain/quotation';
import { getCurrentSettings } from './settings.server';
import { listVendorEnquiries } from './enquiries.server';

type Item = Omit<QuotationItem, 'minContractMonths'> & { minContractMonths: number | null };

export async function listVendorEnquiriesWithQuotations(input: Parameters<typeof listVendorEnquiries>[0]) {
  const { db } = input;
  const list = await listVendorEnquiries(input);
  if (list.rows.length === 0) return { ...list, rows: [] };
  const settings = await getCurrentSettings(db);
  const enquiryIds = list.rows.map((row) => row.id);

  // Only the vendor's own enquiries reach here (listVendorEnquiries filters by vendor), so their ids are safe to use.
  const [locked, versions, features] = await Promise.all([
    db.selectFrom('quotations').select(['enquiryId', 'items', 'maxSubscriptionMonths']).where('enquiryId', 'in', enquiryIds).execute(),
    db
      .selectFrom('enquiries as e')
      .innerJoin('solutionVersions as v', 'v.id', 'e.solutionVersionId')
      .select(['e.id as enquiryId', 'v.nameEn', 'v.nameZhHk', 'v.nameZhCn', 'v.pricingModel', 'v.priceCents', 'v.minContractMonths'])
      .where('e.id', 'in', enquiryIds)
      .execute(),
    db
      .selectFrom('enquiries as e')
      .innerJoin('solutionFeatures as f', (join) => join.onRef('f.versionId', '=', 'e.solutionVersionId'))
      .select([
        'e.id as enquiryId',
        'f.id',
        'f.nameEn',
        'f.nameZhHk',
        'f.nameZhCn',
        'f.pricingModel',
        'f.priceCents',
        'f.minContractMonths',
      ])
      .where('e.id', 'in', enquiryIds)
      // The chosen features only (a bigint[] column: compared in SQL, as the driver hands its elements over as text).
      .where(sql<boolean>`f.id = any(e.feature_ids)`)
      .orderBy('f.position')
      .execute(),
  ]);

  const rows = list.rows.map((row) => {
    const quotation = locked.find((q) => q.enquiryId === row.id);
    let items: Item[];
    let maxSubscriptionMonths = settings.maxSubscriptionMonths;
    if (quotation) {
      items = quotation.items.map((item) => ({ ...item, minContractMonths: item.minContractMonths ?? null }));
      maxSubscriptionMonths = quotation.maxSubscriptionMonths;
    } else {
      const version = versions.find((v) => v.enquiryId === row.id);
      items = version
        ? [
            { kind: 'package', featureId: null, ...withoutEnquiry(version) },
            ...features
              .filter((f) => f.enquiryId === row.id)
              .map(({ id, ...feature }) => ({ kind: 'feature' as const, featureId: id, ...withoutEnquiry(feature) })),
          ]
        : [];
    }
    const summary = quotationSummary(items, { matchBps: settings.matchBps, capCents: settings.capCents, maxSubscriptionMonths });
    return { ...row, quotation: { ...summary, maxSubscriptionMonths, locked: quotation !== undefined } };
  });
  return { ...list, rows };
}

function withoutEnquiry<T extends { enquiryId: number }>({ enquiryId: _enquiry, ...rest }: T): Omit<T, 'enquiryId'> {
  return rest;
}
