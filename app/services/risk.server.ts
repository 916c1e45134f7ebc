// Gathers the facts behind an application's risk signals with a few aggregate queries, then lets the domain judge them.
import { sql, type RawBuilder } from 'kysely';
import type { DB } from '../../db/client';
import { committedStatuses } from '../domain/application-lifecycle';
import {
  ADDRESS_SEPARATORS_PATTERN,
  ADDRESS_UNIT_WORDS_PATTERN,
  PHONE_NON_DIGITS_PATTERN,
  riskSignals,
  type PeerFacts,
  type QuotationGroup,
  type RiskSignal,
} from '../domain/risk-signals';
import { priceCeilingCents } from '../domain/listing-rules';
import { getCurrentSettings } from './settings.server';
import { committedCents } from './enterprises.server';

/** At most this many references of linked applications are listed; the counts say how many there are in all. */
export const RISK_REFERENCE_LIMIT = 10;

const liveStatuses = [...committedStatuses];

/*
 * The normalised keys in SQL, built from the domain's own patterns as literals (not parameters), so that an
 * expression index on exactly these expressions can serve the lookups:
 *   create index enterprises_phone_key_idx on enterprises ((<phoneKeySql('phone')>));
 *   create index enterprises_address_key_idx on enterprises ((<addressKeySql('address')>));
 */
export function phoneKeySql(column: string): RawBuilder<string> {
  return sql<string>`regexp_replace(${sql.ref(column)}, ${sql.lit(PHONE_NON_DIGITS_PATTERN)}, '', 'g')`;
}

export function addressKeySql(column: string): RawBuilder<string> {
  const units = sql.lit(ADDRESS_UNIT_WORDS_PATTERN);
  const lowered = sql`translate(normalize(${sql.ref(column)}, NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
  return sql<string>`regexp_replace(regexp_replace(regexp_replace(${lowered}, ${units}, '', 'g'), ${sql.lit(ADDRESS_SEPARATORS_PATTERN)}, '', 'g'), ${units}, '', 'g')`;
}

export type PeerLink = { by: 'phone'; key: string } | { by: 'address'; key: string } | { by: 'owner'; ownerUserId: number };

/**
 * One aggregate row about the enterprises sharing `link` with enterprise `enterpriseId` and their live applications:
 * counts for the others and for everyone (the enterprise itself included), and the first references of the others.
 */
export function peersQuery(db: DB, { link, enterpriseId }: { link: PeerLink; enterpriseId: number }) {
  const others = sql<boolean>`${sql.ref('ent.id')} <> ${enterpriseId}`;
  return db
    .selectFrom('enterprises as ent')
    .leftJoin('applications as a', (join) => join.onRef('a.enterpriseId', '=', 'ent.id').on('a.status', 'in', liveStatuses))
    .where((eb) =>
      link.by === 'owner'
        ? eb('ent.ownerUserId', '=', link.ownerUserId)
        : eb(link.by === 'phone' ? phoneKeySql('ent.phone') : addressKeySql('ent.address'), '=', link.key),
    )
    .select((eb) => [
      eb.fn.count<number>('ent.id').distinct().filterWhere(others).as('otherEnterprises'),
      eb.fn.count<number>('a.enterpriseId').distinct().filterWhere(others).as('otherApplyingEnterprises'),
      eb.fn.count<number>('a.id').filterWhere(others).as('otherApplications'),
      eb.fn.count<number>('a.id').as('allApplications'),
      eb.fn.count<number>('a.enterpriseId').distinct().as('allApplyingEnterprises'),
      sql<
        string[] | null
      >`(array_agg(${sql.ref('a.reference')} order by ${sql.ref('a.submittedAt')}, ${sql.ref('a.id')}) filter (where ${others} and ${sql.ref('a.id')} is not null))[1:${sql.lit(RISK_REFERENCE_LIMIT)}]`.as(
        'otherReferences',
      ),
    ]);
}

type PeerRow = {
  otherEnterprises: number;
  otherApplyingEnterprises: number;
  otherApplications: number;
  allApplications: number;
  allApplyingEnterprises: number;
  otherReferences: string[] | null;
};

const noPeers: PeerRow = {
  otherEnterprises: 0,
  otherApplyingEnterprises: 0,
  otherApplications: 0,
  allApplications: 0,
  allApplyingEnterprises: 0,
  otherReferences: [],
};

async function peers(db: DB, args: { link: PeerLink; enterpriseId: number }): Promise<PeerRow> {
  // An empty key (a phone without digits, an address of punctuation only) links nothing.
  if (args.link.by !== 'owner' && args.link.key === '') return noPeers;
  const row = await peersQuery(db, args).executeTakeFirstOrThrow();
  return {
    otherEnterprises: Number(row.otherEnterprises),
    otherApplyingEnterprises: Number(row.otherApplyingEnterprises),
    otherApplications: Number(row.otherApplications),
    allApplications: Number(row.allApplications),
    allApplyingEnterprises: Number(row.allApplyingEnterprises),
    otherReferences: row.otherReferences ?? [],
  };
}

const peerFacts = (row: PeerRow, enterpriseCount: number): PeerFacts => ({
  enterpriseCount,
  applicationCount: row.otherApplications,
  references: row.otherReferences ?? [],
});

/** A vendor's quotations grouped by eligible cost and kind of package (a handful of rows: quotations copy catalogue prices). */
function vendorQuotationsQuery(db: DB, vendorId: number) {
  // Through the vendor's solutions and their enquiries: both steps are indexed (quotations has no index on vendor_id).
  return db
    .selectFrom('solutions as s')
    .innerJoin('enquiries as e', 'e.solutionId', 's.id')
    .innerJoin('quotations as q', 'q.enquiryId', 'e.id')
    .innerJoin('solutionVersions as v', 'v.id', 'q.solutionVersionId')
    .where('s.vendorId', '=', vendorId)
    .where('q.vendorId', '=', vendorId)
    .groupBy(['q.eligibleCostCents', 'v.pricingModel'])
    .select((eb) => ['q.eligibleCostCents', 'v.pricingModel', eb.fn.countAll<number>().as('count')]);
}

/** Registration conflicts recorded against this enterprise, or naming its BR number or licence. */
function registrationConflictsQuery(db: DB, enterpriseId: number) {
  return db
    .selectFrom('registrationConflicts as rc')
    .innerJoin('enterprises as ent', (join) => join.on('ent.id', '=', enterpriseId))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where((eb) =>
      eb.or([
        eb('rc.existingEnterpriseId', '=', enterpriseId),
        eb('rc.brNumber', '=', eb.ref('ent.brNumber')),
        eb(eb.fn('upper', ['rc.hawkerLicenceNo']), '=', eb.fn('upper', ['ent.hawkerLicenceNo'])),
      ]),
    );
}

/** Live applications of other profiles under this enterprise's identity (its money counts against this ceiling). */
function sameIdentityQuery(db: DB, enterpriseId: number) {
  return db
    .selectFrom('enterprises as ent')
    .innerJoin('applications as a', 'a.registrationKey', 'ent.registrationKey')
    .select((eb) => [
      eb.fn.count<number>('a.enterpriseId').distinct().as('enterprises'),
      eb.fn.count<number>('a.id').as('applications'),
      sql<
        string[] | null
      >`(array_agg(${sql.ref('a.reference')} order by ${sql.ref('a.submittedAt')}, ${sql.ref('a.id')}))[1:${sql.lit(RISK_REFERENCE_LIMIT)}]`.as(
        'references',
      ),
    ])
    .where('ent.id', '=', enterpriseId)
    .where('a.enterpriseId', '<>', enterpriseId)
    .where('a.status', 'in', liveStatuses);
}

/**
 * The risk signals of one application (not a draft), for the officer's review page; an empty list when there is no
 * such application. Reads only: signals inform the officer and never change or block anything.
 */
export async function riskSignalsFor({ db, reference }: { db: DB; reference: string }): Promise<RiskSignal[]> {
  const application = await db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .select([
      'a.id',
      'a.enterpriseId',
      'a.vendorId',
      'ent.ownerUserId',
      phoneKeySql('ent.phone').as('phoneKey'),
      addressKeySql('ent.address').as('addressKey'),
    ])
    .where('a.reference', '=', reference)
    .where('a.status', '<>', 'draft')
    .executeTakeFirst();
  if (!application) return [];
  const { enterpriseId } = application;

  // The keys come from the same SQL expressions the lookups compare with, so the enterprise always finds itself.
  const [settings, phone, address, owner, quotations, claims, committed, conflicts, identity] = await Promise.all([
    getCurrentSettings(db),
    peers(db, { link: { by: 'phone', key: application.phoneKey }, enterpriseId }),
    peers(db, { link: { by: 'address', key: application.addressKey }, enterpriseId }),
    peers(db, { link: { by: 'owner', ownerUserId: application.ownerUserId }, enterpriseId }),
    vendorQuotationsQuery(db, application.vendorId).execute(),
    db.selectFrom('claims').select('invoicedCents').where('applicationId', '=', application.id).orderBy('id').execute(),
    committedCents({ db, enterpriseId }),
    registrationConflictsQuery(db, enterpriseId).executeTakeFirstOrThrow(),
    sameIdentityQuery(db, enterpriseId).executeTakeFirstOrThrow(),
  ]);

  const vendorQuotations: QuotationGroup[] = quotations.map((row) => ({
    eligibleCostCents: Number(row.eligibleCostCents),
    ceilingCents: priceCeilingCents(row.pricingModel, settings),
    count: Number(row.count),
  }));

  return riskSignals({
    samePhone: peerFacts(phone, phone.otherEnterprises),
    sameAddress: peerFacts(address, address.otherEnterprises),
    atAddress: { applicationCount: address.allApplications, enterpriseCount: address.allApplyingEnterprises },
    // Stand-in for "same director": enterprises record no directors, so the portal account that owns them is used.
    sameOwner: peerFacts(owner, owner.otherApplyingEnterprises),
    vendorQuotations,
    claimInvoicedCents: claims.map((claim) => Number(claim.invoicedCents)),
    committedCents: committed,
    registrationConflicts: Number(conflicts.count),
    sameIdentity: {
      enterpriseCount: Number(identity.enterprises),
      applicationCount: Number(identity.applications),
      references: identity.references ?? [],
    },
    capCents: settings.capCents,
    matchBps: settings.matchBps,
  });
}
