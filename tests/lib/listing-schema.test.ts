// The package form's schema as readSubmission applies it (parseForm: one value as itself, several as a list).
import { describe, expect, it } from 'vitest';
import { listingSchema, listingValues, ruleErrors } from '../../app/components/listing-schema';
import { formValues, parseForm } from '../../app/lib/forms.server';

const fields = (overrides: Record<string, string | string[] | undefined> = {}) => {
  const all: Record<string, string | string[] | undefined> = {
    category: 'customer_management',
    sector: 'fnb',
    nameEn: 'Café Stamp App',
    nameZhHk: '咖啡店印花App',
    descriptionEn: 'Digital stamp cards.',
    descriptionZhHk: '電子印花卡。',
    pricingModel: 'monthly',
    price: '380',
    minContractMonths: '24',
    deploymentDays: '14',
    featureNameEn0: '',
    featureNameZh0: '',
    featurePrice0: '',
    featureNameEn1: 'Push coupons',
    featureNameZh1: '推送優惠券',
    featurePrice1: '120',
    featureModel1: 'monthly',
    featureContract1: '24',
    needsMet: ['bring_back', 'know_customers'],
    supportArea: 'all',
    ...overrides,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(all)) for (const v of value === undefined ? [] : [value].flat()) form.append(key, v);
  return form;
};

describe('listingSchema', () => {
  it('gives the service its input: blank rows skipped (rows remembered), Simplified texts following the Traditional ones', () => {
    const parsed = parseForm(listingSchema, fields());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.featureRows).toEqual([1]);
    expect(parsed.data.input).toMatchObject({
      nameZhCn: '咖啡店印花App',
      descriptionZhCn: '電子印花卡。',
      priceCents: 380_00,
      minContractMonths: 24,
      features: [{ nameEn: 'Push coupons', nameZhHk: '推送優惠券', pricingModel: 'monthly', priceCents: 120_00, minContractMonths: 24 }],
      needsMet: ['bring_back', 'know_customers'],
      paymentMethods: null,
      supportDistricts: null,
    });
  });

  it('reports every field at once: a base field, a half-filled feature row and the rules between attributes', () => {
    const parsed = parseForm(
      listingSchema,
      fields({ nameEn: '', featureNameZh1: '', featurePrice1: '1.234', needsMet: 'bring_back', paymentMethods: 'octopus' }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({
      nameEn: ['errors:required'],
      featureNameEn1: ['vendor:feature_names_required'],
      featurePrice1: ['errors:money_too_many_decimals'],
      paymentMethods: ['vendor:attributes.errors.methods_without_e_payments'],
    });
  });

  it('leaves the rules between attributes out while an attribute itself is wrong, and refuses unknown codes', () => {
    const parsed = parseForm(listingSchema, fields({ needsMet: [], maxSeats: 'many', supportDistricts: 'atlantis' }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({ maxSeats: ['errors:whole_number'], supportDistricts: ['errors:invalid_value'] });
  });

  it('tells a missing feature price from a wrong one, and keeps control characters out of the names', () => {
    const parsed = parseForm(listingSchema, fields({ featureNameEn0: 'Kiosk\u0000', featureNameZh0: '自助機' }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({ featureNameEn0: ['errors:invalid_characters'], featurePrice0: ['vendor:feature_price_required'] });
  });

  it('puts the ticked boxes back into the form after an error (repeated fields comma-separated)', () => {
    expect(formValues(fields()).needsMet).toBe('bring_back,know_customers');
  });

  it('maps a price-rule problem of the n-th kept feature to its form row', () => {
    expect(
      ruleErrors(
        [
          { field: 'featurePrice0', code: 'feature_price_too_low' as never },
          { field: 'price', code: 'x' as never },
        ],
        [3],
      ),
    ).toEqual({
      featurePrice3: ['vendor:rules.feature_price_too_low'],
      price: ['vendor:rules.x'],
    });
  });

  it('shows a saved version again as the form would post it', () => {
    const parsed = parseForm(listingSchema, fields());
    if (!parsed.ok) throw new Error('valid form refused');
    const { input } = parsed.data;
    const values = listingValues(input.category, input.sector, { ...input, minContractMonths: input.minContractMonths ?? null });
    const form = new FormData();
    for (const [key, value] of Object.entries(values)) for (const v of value ? value.split(',') : []) form.append(key, v);
    const again = parseForm(listingSchema, form);
    expect(again.ok && again.data).toEqual({ input, featureRows: [0] });
  });
});
