// One set of packages the matcher suggests, each pick explained in plain words ("Covers: e-payments, till and stock;
// programme pays HK$x; you pay HK$y; HK$z of your ceiling left"), and the matcher's reason as kept with an enquiry.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMatchReason } from '../domain/match-reason';
import { formatMoney } from '../lib/format';
import { pickText, type Locale } from '../lib/i18n';
import type { SetView } from '../domain/match-reason';
import { AppLink } from './app-link';

type T = (key: string, options?: Record<string, unknown>) => string;

export function needsText(t: T, needs: readonly string[]): string {
  return needs.length ? needs.map((n) => t(`match:needsShort.${n}`)).join(t('common:listSeparator')) : t('match:reason.none');
}

export function MatchSetView({
  set,
  locale,
  ownLimitCents,
  headingLevel,
  children,
}: {
  set: SetView;
  locale: Locale;
  ownLimitCents: number;
  headingLevel: 2 | 3;
  /** The "Start with this set" area. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className="match-set" aria-labelledby={`set-${set.objective}`}>
      <Heading id={`set-${set.objective}`}>{t(`match:results.objectives.${set.objective}`)}</Heading>
      <p className="hint">{t(`match:results.objectiveHints.${set.objective}`)}</p>
      <p>{t('match:results.covers', { needs: needsText(t, set.needsCovered) })}</p>
      <p className="plain-words">
        {t('match:results.summary', {
          programme: formatMoney(set.programmeCents),
          shop: formatMoney(set.shopCents),
          left: formatMoney(set.headroomAfterCents),
        })}
      </p>
      <ul className="match-picks">
        {set.picks.map((pick) => (
          <li key={pick.packageId}>
            <SubHeading>
              <AppLink to={`/solutions/${pick.packageId}`}>{pickText(pick.name, locale)}</AppLink>
            </SubHeading>
            <p className="hint">
              {t(`common:categories.${pick.category}`)} · {t('match:results.from', { vendor: pickText(pick.vendorName, locale) })}
            </p>
            {pick.features.length > 0 ? (
              <p>
                {t('match:results.withFeatures', {
                  features: pick.features.map((f) => pickText(f, locale)).join(t('common:listSeparator')),
                })}
              </p>
            ) : null}
            <p>
              {t('match:results.pickReason', {
                needs: needsText(t, pick.needsCovered),
                programme: formatMoney(pick.programmeCents),
                shop: formatMoney(pick.shopCents),
                left: formatMoney(pick.headroomAfterCents),
              })}
            </p>
          </li>
        ))}
      </ul>
      {set.needsUncovered.length > 0 ? (
        <>
          <SubHeading>{t('match:results.notCoveredTitle')}</SubHeading>
          <ul>
            {set.needsUncovered.map(({ need, reason }) => (
              <li key={need}>
                {t(`match:results.uncovered.${reason}`, { need: t(`match:needsShort.${need}`), limit: formatMoney(ownLimitCents) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {children}
    </section>
  );
}

/** The matcher's reason kept with an enquiry, worded for who reads it; nothing when the enquiry was sent by hand. */
export function MatchReasonNote({ reason, audience }: { reason: unknown; audience: 'owner' | 'vendor' | 'officer' }) {
  const { t } = useTranslation();
  const parsed = parseMatchReason(reason);
  if (!parsed) return null;
  const values = {
    objective: t(`match:results.objectives.${parsed.objective}`),
    size: parsed.setSize,
    needs: needsText(t, parsed.needsCovered),
    stated: needsText(t, parsed.statedNeeds),
    programme: formatMoney(parsed.programmeCents),
    shop: formatMoney(parsed.shopCents),
    left: formatMoney(parsed.headroomAfterCents),
    before: formatMoney(parsed.headroomBeforeCents),
  };
  return (
    <p className="hint match-reason">
      <strong>{t('match:reason.title')}</strong>
      <br />
      {t(`match:reason.${audience}`, values)}
    </p>
  );
}
