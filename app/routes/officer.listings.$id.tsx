// Vetting one package version: its texts in three languages, price against the ceiling and the category's median,
// what changed from the listed version, the category's basic requirements, and approve / send back / reject.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { Money, PriceLine } from '../components/money';
import { ListingAttributesReview } from '../components/listing-attributes';
import { missingRequirements, priceSignals, requirementsOf } from '../domain/category-requirements';
import type { PricingModel } from '../domain/funding';
import { requireRole } from '../services/session.server';
import { formatDate, formatMoney, formatSignedPercentFromBps } from '../lib/format';
import { readForm, parseForm, type FieldErrors } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { optionalText, parseId, requiredText } from '../lib/validation';
import { getCurrentSettings } from '../services/catalogue.server';
import { getVersionForVetting, vetVersion } from '../services/listings.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vetting:vetPageTitle');

/** A version an officer may open: anything sent for vetting; a vendor's unsent draft stays private (404). */
async function findVersion(context: LoaderFunctionArgs['context'], versionId: number) {
  const vetting = await getVersionForVetting({ db: context.db, versionId });
  if (!vetting || vetting.status === 'draft') throw new Response('not found', { status: 404 });
  return vetting;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'officer');
  const vetting = await findVersion(context, parseId(params.id));
  const settings = await getCurrentSettings(context.db);
  const ceilingCents = vetting.detail.pricingModel === 'monthly' ? settings.maxSubscriptionTotalCents : settings.maxOneOffCents;
  const { detail, listed, ...rest } = vetting;
  return json({
    ...rest,
    detail,
    // The listed version is what this one would replace; once this one is listed there is nothing to compare.
    listed: listed && listed.id !== detail.id ? listed : null,
    pending: vetting.status === 'pending_review',
    ceilingCents,
    signals: priceSignals({ costCents: vetting.costCents, ceilingCents, medianCents: vetting.categoryMedianCents }),
    requirements: requirementsOf(vetting.category),
  });
}

const note = (requiredKey: string) => requiredText({ max: 2000, multiline: true, message: requiredKey, tooLong: 'vetting:note_too_long' });

const decisionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('approve'),
      requirement: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
        .pipe(z.array(z.string().max(60)).max(30)),
      note: optionalText({ max: 2000, multiline: true, tooLong: 'vetting:note_too_long' })
        .optional()
        .transform((value) => value || null),
    }),
    z.object({ intent: z.literal('return'), note: note('vetting:return_note_required') }),
    z.object({ intent: z.literal('reject'), note: note('vetting:reject_note_required') }),
  ],
  { error: 'vetting:choose_decision' },
);

type ActionData =
  { formError: string } | { intent: string; fieldErrors: FieldErrors; values: Record<string, string>; ticked: string[]; missing: string[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const versionId = parseId(params.id);
  const form = await readForm(request, context);
  const vetting = await findVersion(context, versionId);
  if (vetting.status !== 'pending_review') return json<ActionData>({ formError: 'vetting:stale' }, { status: 409 });

  const intent = String(form.get('intent') ?? '');
  const ticked = form.getAll('requirement').filter((value): value is string => typeof value === 'string');
  const parsed = parseForm(decisionSchema, form);
  if (!parsed.ok)
    return json<ActionData>({ intent, fieldErrors: parsed.fieldErrors, values: parsed.values, ticked, missing: [] }, { status: 400 });
  const input = parsed.data;

  if (input.intent === 'approve') {
    // The checklist is the officer's record that the basic requirements were checked: all ticked, or no approval.
    const missing = missingRequirements(vetting.category, input.requirement);
    if (missing.length > 0) {
      return json<ActionData>(
        { intent, fieldErrors: { requirement: ['vetting:requirements_incomplete'] }, values: { note: input.note ?? '' }, ticked, missing },
        { status: 400 },
      );
    }
  }

  const result = await vetVersion({ db: context.db, officerId: officer.id, versionId, decision: input.intent, note: input.note });
  if (result.ok) return redirect(`/officer/listings?done=${input.intent}`);
  if (result.code === 'not_found') throw new Response('not found', { status: 404 });
  if (result.code === 'note_required') {
    return json<ActionData>(
      { intent, fieldErrors: { note: [`vetting:${input.intent}_note_required`] }, values: {}, ticked, missing: [] },
      { status: 400 },
    );
  }
  return json<ActionData>({ formError: 'vetting:stale' }, { status: 409 });
}

type Named = { nameEn: string; nameZhHk: string; nameZhCn: string };
type Feature = Named & { pricingModel: PricingModel; priceCents: number; minContractMonths: number | null };

function featureKey(features: readonly Feature[]): string {
  return JSON.stringify(features.map((f) => [f.nameEn, f.nameZhHk, f.nameZhCn, f.pricingModel, f.priceCents, f.minContractMonths]));
}

function TextOrNotGiven({ value }: { value: string }) {
  const { t } = useTranslation();
  return value.trim() ? <span className="vetting-text">{value}</span> : <em className="hint">{t('vetting:notGiven')}</em>;
}

function FeatureList({ features, months }: { features: readonly Feature[]; months: number }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (features.length === 0) return <>{t('vetting:none')}</>;
  return (
    <ul className="plain-list">
      {features.map((feature, index) => (
        <li key={index}>
          {pickText({ en: feature.nameEn, zhHK: feature.nameZhHk, zhCN: feature.nameZhCn || feature.nameZhHk }, locale)} —{' '}
          <PriceLine
            pricingModel={feature.pricingModel}
            priceCents={feature.priceCents}
            months={months}
            contractMonths={feature.minContractMonths}
          />
        </li>
      ))}
    </ul>
  );
}

function ChangeRow({ label, listed, proposed, changed }: { label: string; listed: ReactNode; proposed: ReactNode; changed: boolean }) {
  const { t } = useTranslation();
  return (
    <tr className={changed ? 'row--changed' : undefined}>
      <th scope="row">{label}</th>
      <td>{listed}</td>
      <td>{proposed}</td>
      <td>{changed ? <strong className="flag">{t('vetting:changed')}</strong> : t('vetting:unchanged')}</td>
    </tr>
  );
}

export default function VetVersion() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === 'submitting';
  const { detail, listed, months } = data;
  const vendorName = pickText({ en: data.vendorNameEn, zhHK: data.vendorNameZhHk, zhCN: data.vendorNameZhHk }, locale);
  const name = pickText({ en: detail.nameEn, zhHK: detail.nameZhHk, zhCN: detail.nameZhCn || detail.nameZhHk }, locale);
  const formError = actionData && 'formError' in actionData ? actionData.formError : undefined;
  const failed = actionData && 'fieldErrors' in actionData ? actionData : undefined;
  const errorFor = (intent: string, field: string) => (failed?.intent === intent ? failed.fieldErrors[field]?.[0] : undefined);
  const ticked = new Set(failed?.ticked ?? []);
  const texts = [
    { key: 'en', lang: 'en', name: detail.nameEn, description: detail.descriptionEn, deliverables: detail.deliverablesEn },
    { key: 'zhHK', lang: 'zh-HK', name: detail.nameZhHk, description: detail.descriptionZhHk, deliverables: detail.deliverablesZhHk },
    { key: 'zhCN', lang: 'zh-CN', name: detail.nameZhCn, description: detail.descriptionZhCn, deliverables: detail.deliverablesZhCn },
  ] as const;
  const anchorFor = (field: string) =>
    field === 'requirement'
      ? data.requirements[0]
        ? `requirement-${data.requirements[0]}`
        : 'requirements'
      : `${failed?.intent}-${field}`;

  const changes = listed
    ? [
        {
          key: 'price',
          changed:
            listed.pricingModel !== detail.pricingModel ||
            listed.priceCents !== detail.priceCents ||
            listed.minContractMonths !== detail.minContractMonths,
          listed: (
            <PriceLine
              pricingModel={listed.pricingModel}
              priceCents={listed.priceCents}
              months={months}
              contractMonths={listed.minContractMonths}
            />
          ),
          proposed: (
            <PriceLine
              pricingModel={detail.pricingModel}
              priceCents={detail.priceCents}
              months={months}
              contractMonths={detail.minContractMonths}
            />
          ),
        },
        {
          key: 'deploymentDays',
          changed: listed.deploymentDays !== detail.deploymentDays,
          listed: listed.deploymentDays,
          proposed: detail.deploymentDays,
        },
        {
          key: 'nameEn',
          changed: listed.nameEn !== detail.nameEn,
          listed: <TextOrNotGiven value={listed.nameEn} />,
          proposed: <TextOrNotGiven value={detail.nameEn} />,
        },
        {
          key: 'nameZhHk',
          changed: listed.nameZhHk !== detail.nameZhHk,
          listed: <TextOrNotGiven value={listed.nameZhHk} />,
          proposed: <TextOrNotGiven value={detail.nameZhHk} />,
        },
        {
          key: 'nameZhCn',
          changed: listed.nameZhCn !== detail.nameZhCn,
          listed: <TextOrNotGiven value={listed.nameZhCn} />,
          proposed: <TextOrNotGiven value={detail.nameZhCn} />,
        },
        {
          key: 'features',
          changed: featureKey(listed.features) !== featureKey(detail.features),
          listed: <FeatureList features={listed.features} months={months} />,
          proposed: <FeatureList features={detail.features} months={months} />,
        },
      ]
    : [];

  return (
    <div>
      <p>
        <Link to="/officer/listings">{t('vetting:backToQueue')}</Link>
      </p>
      <h1>{t('vetting:vetTitle', { name })}</h1>

      {formError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('common:errorSummaryTitle')}</h2>
          <p>{t(formError)}</p>
        </div>
      ) : null}
      {failed ? (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">{t('common:errorSummaryTitle')}</h2>
          <ul>
            {Object.entries(failed.fieldErrors).map(([field, keys]) => (
              <li key={field}>
                <a href={`#${anchorFor(field)}`}>{t(keys?.[0] ?? 'vetting:choose_decision')}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {!data.pending ? (
        <p className="notice" role="status">
          {t('vetting:decidedNotice', { status: t(`vetting:statuses.${data.status}`) })}
        </p>
      ) : null}

      <h2>{t('vetting:summaryTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('vetting:vendor')}</dt>
          <dd>
            {vendorName}
            <br />
            <span className="hint">
              {t('vetting:vendorIdentity', {
                br: data.vendorBrNumber,
                status: t(`common:vendorStatus.${data.vendorStatus}`, { defaultValue: data.vendorStatus }),
              })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('vetting:category')}</dt>
          <dd>{t(`common:categories.${data.category}`)}</dd>
        </div>
        <div>
          <dt>{t('vetting:sector')}</dt>
          <dd>{t(`common:sectors.${data.sector}`)}</dd>
        </div>
        <div>
          <dt>{t('vetting:version')}</dt>
          <dd>
            {detail.version}
            {data.pending ? (
              <>
                {' · '}
                {listed ? t('vetting:kind.update', { version: detail.version }) : t('vetting:kind.new')}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('vetting:submittedOn')}</dt>
          <dd>{detail.submittedAt ? formatDate(detail.submittedAt, locale) : '—'}</dd>
        </div>
        <div>
          <dt>{t('vetting:status')}</dt>
          <dd>
            <strong className="status">{t(`vetting:statuses.${data.status}`)}</strong>
          </dd>
        </div>
        {detail.reviewedAt ? (
          <>
            <div>
              <dt>{t('vetting:reviewedOn')}</dt>
              <dd>{formatDate(detail.reviewedAt, locale)}</dd>
            </div>
            <div>
              <dt>{t('vetting:reviewNote')}</dt>
              <dd>{detail.reviewNote ? <span className="vetting-text">{detail.reviewNote}</span> : t('vetting:noNote')}</dd>
            </div>
          </>
        ) : null}
      </dl>

      <h2>{t('vetting:textsTitle')}</h2>
      <p className="hint">{t('vetting:textsHint')}</p>
      <div className="vetting-texts">
        {texts.map((text) => (
          <section key={text.key} className="panel" aria-labelledby={`texts-${text.key}`}>
            <h3 id={`texts-${text.key}`}>{t(`vetting:languages.${text.key}`)}</h3>
            <dl lang={text.lang}>
              <dt>{t('vetting:fields.name')}</dt>
              <dd>
                <TextOrNotGiven value={text.name} />
              </dd>
              <dt>{t('vetting:fields.description')}</dt>
              <dd>
                <TextOrNotGiven value={text.description} />
              </dd>
              <dt>{t('vetting:fields.deliverables')}</dt>
              <dd>
                <TextOrNotGiven value={text.deliverables} />
              </dd>
            </dl>
          </section>
        ))}
      </div>

      <div className="two-columns">
        <section>
          <h2>{t('vetting:priceTitle')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('vetting:basicPackage')}</dt>
              <dd>
                <PriceLine
                  pricingModel={detail.pricingModel}
                  priceCents={detail.priceCents}
                  months={months}
                  contractMonths={detail.minContractMonths}
                />
              </dd>
            </div>
            <div>
              <dt>{t('vetting:deployment')}</dt>
              <dd>{t('vetting:deploymentDays', { count: detail.deploymentDays })}</dd>
            </div>
          </dl>
          <h3>{t('vetting:featuresTitle')}</h3>
          {detail.features.length === 0 ? (
            <p>{t('vetting:noFeatures')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table table--reflow">
                <thead>
                  <tr>
                    <th scope="col" lang="en">
                      {t('vetting:languages.en')}
                    </th>
                    <th scope="col">{t('vetting:languages.zhHK')}</th>
                    <th scope="col">{t('vetting:languages.zhCN')}</th>
                    <th scope="col">{t('vetting:featurePrice')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.features.map((feature) => (
                    <tr key={feature.id}>
                      <td data-label={t('vetting:languages.en')} lang="en">
                        <TextOrNotGiven value={feature.nameEn} />
                      </td>
                      <td data-label={t('vetting:languages.zhHK')} lang="zh-HK">
                        <TextOrNotGiven value={feature.nameZhHk} />
                      </td>
                      <td data-label={t('vetting:languages.zhCN')} lang="zh-CN">
                        <TextOrNotGiven value={feature.nameZhCn} />
                      </td>
                      <td data-label={t('vetting:featurePrice')}>
                        <PriceLine
                          pricingModel={feature.pricingModel}
                          priceCents={feature.priceCents}
                          months={months}
                          contractMonths={feature.minContractMonths}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className="panel">
          <h2>{t('vetting:costTitle')}</h2>
          <dl className="split">
            <div>
              <dt>{t('vetting:eligibleCost')}</dt>
              <dd>
                <Money cents={data.costCents} />
              </dd>
            </div>
            <div>
              <dt>{t('vetting:ceiling')}</dt>
              <dd>
                <Money cents={data.ceilingCents} />
              </dd>
            </div>
            {data.categoryMedianCents !== null ? (
              <>
                <div>
                  <dt>{t('vetting:categoryMedian')}</dt>
                  <dd>
                    <Money cents={data.categoryMedianCents} />
                  </dd>
                </div>
                <div>
                  <dt>{t('vetting:diffFromMedian')}</dt>
                  <dd>{data.signals.diffFromMedianBps !== null ? formatSignedPercentFromBps(data.signals.diffFromMedianBps) : '—'}</dd>
                </div>
              </>
            ) : null}
          </dl>
          {data.categoryMedianCents === null ? <p>{t('vetting:noMedian')}</p> : null}
          {data.signals.nearCeiling || data.signals.wellAboveMedian ? (
            <ul className="vetting-flags">
              {data.signals.nearCeiling ? (
                <li className="flag">{t('vetting:flags.nearCeiling', { ceiling: formatMoney(data.ceilingCents) })}</li>
              ) : null}
              {data.signals.wellAboveMedian ? <li className="flag">{t('vetting:flags.wellAboveMedian')}</li> : null}
            </ul>
          ) : (
            <p>{t('vetting:noFlags')}</p>
          )}
        </section>
      </div>

      <ListingAttributesReview category={data.category} detail={detail} listed={listed} />

      {data.pending ? (
        <section>
          {listed ? (
            <>
              <h2>{t('vetting:changesTitle', { version: listed.version })}</h2>
              {changes.some((change) => change.changed) ? null : <p>{t('vetting:changesNone')}</p>}
              <div className="table-scroll">
                <table className="table table--reflow">
                  <thead>
                    <tr>
                      <th scope="col">{t('vetting:changeCol.item')}</th>
                      <th scope="col">{t('vetting:changeCol.listed')}</th>
                      <th scope="col">{t('vetting:changeCol.proposed')}</th>
                      <th scope="col">{t('vetting:changeCol.changed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((change) => (
                      <ChangeRow
                        key={change.key}
                        label={t(`vetting:change.${change.key}`)}
                        listed={change.listed}
                        proposed={change.proposed}
                        changed={change.changed}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <>
              <h2>{t('vetting:changesTitleNew')}</h2>
              <p>{t('vetting:changesNewPackage')}</p>
            </>
          )}
        </section>
      ) : null}

      {data.pending ? (
        <section>
          <h2>{t('vetting:decisionTitle')}</h2>
          <div className="decisions">
            <Form method="post" className="decision">
              <CsrfInput />
              <h3>{t('vetting:approveTitle')}</h3>
              <fieldset
                id="requirements"
                className={errorFor('approve', 'requirement') ? 'field field--error vetting-checklist' : 'field vetting-checklist'}
                aria-describedby={errorFor('approve', 'requirement') ? 'requirements-hint requirement-error' : 'requirements-hint'}
              >
                <legend>{t('vetting:requirementsTitle', { category: t(`common:categories.${data.category}`) })}</legend>
                <p className="hint" id="requirements-hint">
                  {data.requirements.length > 0 ? t('vetting:requirementsHint') : t('vetting:noRequirements')}
                </p>
                {errorFor('approve', 'requirement') ? (
                  <div className="field-error" id="requirement-error">
                    <p>{t(errorFor('approve', 'requirement')!)}</p>
                    {failed && failed.missing.length > 0 ? (
                      <>
                        <p>{t('vetting:missingRequirements')}</p>
                        <ul>
                          {failed.missing.map((code) => (
                            <li key={code}>{t(`vetting:requirements.${data.category}.${code}`)}</li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                  </div>
                ) : null}
                {data.requirements.map((code) => (
                  <div className="checkbox" key={code}>
                    <input type="checkbox" id={`requirement-${code}`} name="requirement" value={code} defaultChecked={ticked.has(code)} />
                    <label htmlFor={`requirement-${code}`}>{t(`vetting:requirements.${data.category}.${code}`)}</label>
                  </div>
                ))}
              </fieldset>
              <div className={errorFor('approve', 'note') ? 'field field--error' : 'field'}>
                <label htmlFor="approve-note">{t('vetting:approveNote')}</label>
                {errorFor('approve', 'note') ? <p className="field-error">{t(errorFor('approve', 'note')!)}</p> : null}
                <textarea
                  id="approve-note"
                  name="note"
                  rows={2}
                  maxLength={2000}
                  defaultValue={failed?.intent === 'approve' ? failed.values.note : undefined}
                />
              </div>
              <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
                {t('vetting:approveButton')}
              </button>
            </Form>

            {(['return', 'reject'] as const).map((intent) => (
              <Form method="post" className="decision" key={intent}>
                <CsrfInput />
                <h3>{t(`vetting:${intent}Title`)}</h3>
                <div className={errorFor(intent, 'note') ? 'field field--error' : 'field'}>
                  <label htmlFor={`${intent}-note`}>{t(`vetting:${intent}Note`)}</label>
                  {errorFor(intent, 'note') ? (
                    <p className="field-error" id={`${intent}-note-error`}>
                      {t(errorFor(intent, 'note')!)}
                    </p>
                  ) : null}
                  <textarea
                    id={`${intent}-note`}
                    name="note"
                    rows={3}
                    maxLength={2000}
                    aria-invalid={errorFor(intent, 'note') ? true : undefined}
                    aria-describedby={errorFor(intent, 'note') ? `${intent}-note-error` : undefined}
                    defaultValue={failed?.intent === intent ? failed.values.note : undefined}
                  />
                </div>
                <button
                  type="submit"
                  name="intent"
                  value={intent}
                  className={intent === 'reject' ? 'button button--warning' : 'button button--secondary'}
                  disabled={busy}
                >
                  {t(`vetting:${intent}Button`)}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
