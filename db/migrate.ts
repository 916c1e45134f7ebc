// Runs the migrations with Kysely's Migrator. The list is static so that the bundled server carries it.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/2026-11-26T0800-initial';
import * as applications from './migrations/2026-11-26T0900-applications';
import * as officerWorkbench from './migrations/2026-11-26T1000-officer-workbench';
import * as vendorPortal from './migrations/2026-11-26T1100-vendor-portal';
import * as claimsPayments from './migrations/2026-11-26T1200-claims-payments';
import * as queueIndex from './migrations/2026-11-26T1300-queue-index';
import * as riskIndexes from './migrations/2026-11-26T1400-risk-indexes';
import * as publicHolidays from './migrations/2026-12-01T0300-public-holidays';
import * as moneyRules from './migrations/2026-12-01T0100-money-rules';
import * as hostileClient from './migrations/2026-12-01T0200-hostile-client';
import * as enquiryMatchReason from './migrations/2026-12-01T0600-enquiry-match-reason';
import * as vocabularyChecks from './migrations/2026-12-02T0600-vocabulary-checks';
import * as loginDevices from './migrations/2026-12-02T0700-login-devices';
import * as listingMatchAttributes from './migrations/2026-12-02T0200-listing-match-attributes';
import * as publicVersion from './migrations/2026-12-02T0100-public-version';
import * as queuePlaceIndex from './migrations/2026-12-02T0101-queue-place-index';
import * as claimLoopBankAccounts from './migrations/2026-12-02T0400-claim-loop-bank-accounts';
import * as notificationDedupe from './migrations/2026-12-02T0300-notification-dedupe';
import * as officerQueriesAtScale from './migrations/2026-12-03T0400-officer-queries-at-scale';
import * as queueFilterIndexes from './migrations/2026-12-03T0600-queue-filter-indexes';

const migrations: Record<string, Migration> = {
  '2026-11-26T0800-initial': initial,
  '2026-11-26T0900-applications': applications,
  '2026-11-26T1000-officer-workbench': officerWorkbench,
  '2026-11-26T1100-vendor-portal': vendorPortal,
  '2026-11-26T1200-claims-payments': claimsPayments,
  '2026-11-26T1300-queue-index': queueIndex,
  '2026-11-26T1400-risk-indexes': riskIndexes,
  '2026-12-01T0300-public-holidays': publicHolidays,
  '2026-12-01T0100-money-rules': moneyRules,
  '2026-12-01T0200-hostile-client': hostileClient,
  '2026-12-01T0600-enquiry-match-reason': enquiryMatchReason,
  '2026-12-02T0600-vocabulary-checks': vocabularyChecks,
  '2026-12-02T0700-login-devices': loginDevices,
  '2026-12-02T0200-listing-match-attributes': listingMatchAttributes,
  '2026-12-02T0100-public-version': publicVersion,
  '2026-12-02T0101-queue-place-index': queuePlaceIndex,
  '2026-12-02T0400-claim-loop-bank-accounts': claimLoopBankAccounts,
  '2026-12-02T0300-notification-dedupe': notificationDedupe,
  '2026-12-03T0400-officer-queries-at-scale': officerQueriesAtScale,
  '2026-12-03T0600-queue-filter-indexes': queueFilterIndexes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; safe to call from several processes at once (the Migrator takes a lock). */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
