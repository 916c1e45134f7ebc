import { describe, expect, it } from 'vitest';
import { checkListing } from '../../app/domain/listing-rules';
import { SEED_CONTRACT_MONTHS, seedSolutions, seedVendors, type SeedSolution, type SeedText, type SeedVendor } from '../../db/seed-data';

// Programme rules for a vetted package (all amounts in integer cents).
const FUNDING_CAP_CENTS = 10_000_000; // HK$100,000
const MONTHS_COUNTED = 24; // a monthly fee is counted over 24 months against the cap
const MIN_DEPLOYMENT_DAYS = 7;
const MAX_DEPLOYMENT_DAYS = 180;
const MAX_FEATURES = 4;

const CATEGORIES = ['e_payment_pos', 'online_promotion', 'customer_management'] as const;
const SECTORS = ['fnb', 'retail'] as const;
const PRICING_MODELS = ['one_off', 'monthly'] as const;
const DISTRICTS = [
  'central_western',
  'wan_chai',
  'eastern',
  'southern',
  'yau_tsim_mong',
  'sham_shui_po',
  'kowloon_city',
  'wong_tai_sin',
  'kwun_tong',
  'kwai_tsing',
  'tsuen_wan',
  'tuen_mun',
  'yuen_long',
  'north',
  'tai_po',
  'sha_tin',
  'sai_kung',
  'islands',
] as const;

// Pairs of (traditional, simplified) characters that differ between the scripts and are common
// in this catalogue. A simplified form in zhHK, or a traditional form in zhCN, means a copy-paste
// or a missed conversion.
const TRAD_SIMP_PAIRS =
  '銀银統统電电點点數数碼码會会員员號号廣广體体網网設设計计廳厅裝装機机廚厨錢钱為为兩两終终達达轉转' +
  '寶宝聯联術术額额個个貨货櫃柜條条掃扫組组應应資资積积單单動动與与級级換换領领費费開开戶户優优購购' +
  '專专結结帳账時时買买錄录訊讯報报產产營营業业軟软線线進进訂订現现賣卖攝摄檔档間间經经發发區区圖图' +
  '價价維维務务們们這这樣样種种從从處处讓让';
const TRADITIONAL_ONLY = new Set([...TRAD_SIMP_PAIRS].filter((_, i) => i % 2 === 0));
const SIMPLIFIED_ONLY = new Set([...TRAD_SIMP_PAIRS].filter((_, i) => i % 2 === 1));
const HAN = /\p{Script=Han}/u;
const ASCII = /[\x00-\x7f]/;

type Catalogue = { vendors: SeedVendor[]; solutions: SeedSolution[] };

const label = (s: SeedSolution) => `${s.vendorKey}/${s.category}/${s.sector} "${s.name.en}"`;

/** Total the programme counts against the cap: the one-off price, or 24 monthly fees. Exact (BigInt). */
function countedTotalCents(pricingModel: string, priceCents: number): bigint {
  return pricingModel === 'monthly' ? BigInt(priceCents) * BigInt(MONTHS_COUNTED) : BigInt(priceCents);
}

function vendorProblems({ vendors }: Catalogue): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const brNumbers = new Set<string>();
  for (const v of vendors) {
    if (!/^[a-z][a-z0-9-]*$/.test(v.key)) problems.push(`vendor key "${v.key}" is not a slug`);
    if (keys.has(v.key)) problems.push(`duplicate vendor key "${v.key}"`);
    keys.add(v.key);
    if (!/^\d{8}$/.test(v.brNumber)) problems.push(`${v.key}: BR number "${v.brNumber}" is not 8 digits`);
    if (brNumbers.has(v.brNumber)) problems.push(`${v.key}: duplicate BR number ${v.brNumber}`);
    brNumbers.add(v.brNumber);
    if (!/^[23]\d{3} \d{4}$/.test(v.phone)) problems.push(`${v.key}: phone "${v.phone}" is not a HK landline like 2345 6789`);
    const site = /^https:\/\/((?:[a-z0-9-]+\.)*example\.hk)$/.exec(v.website);
    if (!site) problems.push(`${v.key}: website "${v.website}" is not https://….example.hk`);
    const mail = /^[a-z0-9._-]+@((?:[a-z0-9-]+\.)*example\.hk)$/.exec(v.contactEmail);
    if (!mail) problems.push(`${v.key}: email "${v.contactEmail}" is not on an example.hk domain`);
    if (site && mail && site[1]!.replace(/^www\./, '') !== mail[1]) {
      problems.push(`${v.key}: email domain ${mail[1]} does not match website ${site[1]}`);
    }
    if (!(DISTRICTS as readonly string[]).includes(v.district)) problems.push(`${v.key}: unknown district "${v.district}"`);
  }
  return problems;
}

function catalogueProblems({ vendors, solutions }: Catalogue): string[] {
  const problems: string[] = [];
  const vendorKeys = new Set(vendors.map((v) => v.key));
  const pairs = new Set<string>();
  const perVendor = new Map<string, number>();
  const enNames = new Set<string>();
  for (const s of solutions) {
    if (!vendorKeys.has(s.vendorKey)) problems.push(`${label(s)}: unknown vendor "${s.vendorKey}"`);
    if (!(CATEGORIES as readonly string[]).includes(s.category)) problems.push(`${label(s)}: unknown category`);
    if (!(SECTORS as readonly string[]).includes(s.sector)) problems.push(`${label(s)}: unknown sector`);
    const pair = `${s.vendorKey}|${s.category}|${s.sector}`;
    if (pairs.has(pair)) problems.push(`${label(s)}: vendor already has a package for this category and sector`);
    pairs.add(pair);
    perVendor.set(s.vendorKey, (perVendor.get(s.vendorKey) ?? 0) + 1);
    if (enNames.has(s.name.en)) problems.push(`${label(s)}: English name used twice`);
    enNames.add(s.name.en);
  }
  for (const v of vendors) {
    const n = perVendor.get(v.key) ?? 0;
    if (n < 2) problems.push(`${v.key}: has ${n} solution(s), needs at least 2`);
  }
  return problems;
}

function priceProblems({ solutions }: Catalogue): string[] {
  const problems: string[] = [];
  const checkPrice = (where: string, pricingModel: string, priceCents: number) => {
    if (!(PRICING_MODELS as readonly string[]).includes(pricingModel)) problems.push(`${where}: unknown pricing model "${pricingModel}"`);
    if (!Number.isSafeInteger(priceCents)) {
      problems.push(`${where}: price ${priceCents} is not a safe integer number of cents`);
      return false;
    }
    if (priceCents <= 0) problems.push(`${where}: price ${priceCents} is not positive`);
    if (priceCents % 100 !== 0) problems.push(`${where}: price ${priceCents} is not a whole number of dollars`);
    return true;
  };
  for (const s of solutions) {
    if (checkPrice(label(s), s.pricingModel, s.priceCents)) {
      const counted = countedTotalCents(s.pricingModel, s.priceCents);
      if (counted > BigInt(FUNDING_CAP_CENTS)) {
        problems.push(`${label(s)}: counted price ${counted} cents exceeds the ${FUNDING_CAP_CENTS} cap`);
      }
    }
    if (!Number.isInteger(s.deploymentDays) || s.deploymentDays < MIN_DEPLOYMENT_DAYS || s.deploymentDays > MAX_DEPLOYMENT_DAYS) {
      problems.push(`${label(s)}: deploymentDays ${s.deploymentDays} outside ${MIN_DEPLOYMENT_DAYS}..${MAX_DEPLOYMENT_DAYS}`);
    }
    if (s.features.length > MAX_FEATURES) problems.push(`${label(s)}: ${s.features.length} features, at most ${MAX_FEATURES}`);
    const featureNames = new Set<string>();
    for (const f of s.features) {
      checkPrice(`${label(s)} feature "${f.name.en}"`, f.pricingModel, f.priceCents);
      if (featureNames.has(f.name.en)) problems.push(`${label(s)}: feature "${f.name.en}" listed twice`);
      featureNames.add(f.name.en);
    }
  }
  return problems;
}

function textProblemsOf(where: string, t: SeedText): string[] {
  const problems: string[] = [];
  for (const lang of ['en', 'zhHK', 'zhCN'] as const) {
    if (typeof t[lang] !== 'string' || t[lang].trim() === '') problems.push(`${where}: empty ${lang}`);
  }
  if (problems.length > 0) return problems;
  if (HAN.test(t.en)) problems.push(`${where}: en contains Chinese characters`);
  if (!HAN.test(t.zhHK)) problems.push(`${where}: zhHK has no Chinese characters`);
  if (!HAN.test(t.zhCN)) problems.push(`${where}: zhCN has no Chinese characters`);
  for (const ch of t.zhHK) if (SIMPLIFIED_ONLY.has(ch)) problems.push(`${where}: zhHK contains simplified "${ch}"`);
  for (const ch of t.zhCN) if (TRADITIONAL_ONLY.has(ch)) problems.push(`${where}: zhCN contains traditional "${ch}"`);
  // zhCN is the same wording as zhHK in simplified characters: same length, same Latin text/digits in place.
  const hk = [...t.zhHK];
  const cn = [...t.zhCN];
  if (hk.length !== cn.length) {
    problems.push(`${where}: zhHK and zhCN differ in length (${hk.length} vs ${cn.length})`);
  } else {
    const i = hk.findIndex((ch, k) => (ASCII.test(ch) || ASCII.test(cn[k]!)) && ch !== cn[k]);
    if (i >= 0) problems.push(`${where}: zhHK and zhCN differ in non-Chinese text at index ${i}`);
  }
  return problems;
}

function descriptionSentenceProblems(where: string, t: SeedText): string[] {
  const problems: string[] = [];
  const en = t.en.trim();
  const enSentences = (en.match(/[.!?](?=\s|$)/g) ?? []).length;
  if (!/[.!?]$/.test(en) || enSentences < 2 || enSentences > 3) problems.push(`${where}: en has ${enSentences} sentences, want 2-3`);
  for (const lang of ['zhHK', 'zhCN'] as const) {
    const zh = t[lang].trim();
    const n = (zh.match(/。/g) ?? []).length;
    if (!zh.endsWith('。') || n < 2 || n > 3) problems.push(`${where}: ${lang} has ${n} sentences, want 2-3`);
  }
  return problems;
}

function textProblems({ vendors, solutions }: Catalogue): string[] {
  return [
    ...vendors.flatMap((v) => textProblemsOf(`vendor ${v.key} name`, v.name)),
    ...solutions.flatMap((s) => [
      ...textProblemsOf(`${label(s)} name`, s.name),
      ...textProblemsOf(`${label(s)} description`, s.description),
      ...descriptionSentenceProblems(`${label(s)} description`, s.description),
      ...s.features.flatMap((f) => textProblemsOf(`${label(s)} feature "${f.name.en}"`, f.name)),
    ]),
  ];
}

const allProblems = (c: Catalogue) => [...vendorProblems(c), ...catalogueProblems(c), ...priceProblems(c), ...textProblems(c)];

const seed: Catalogue = { vendors: seedVendors, solutions: seedSolutions };
const cloneSeed = (): Catalogue => structuredClone(seed);

describe('seed catalogue data', () => {
  it('has at least 14 vendors and 50 solutions', () => {
    expect(seedVendors.length).toBeGreaterThanOrEqual(14);
    expect(seedSolutions.length).toBeGreaterThanOrEqual(50);
  });

  it('covers every category in both sectors', () => {
    for (const category of CATEGORIES) {
      for (const sector of SECTORS) {
        const n = seedSolutions.filter((s) => s.category === category && s.sector === sector).length;
        expect(n, `${category}/${sector}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('has valid, unique vendors (keys, 8-digit BR numbers, contacts on example.hk, districts)', () => {
    expect(vendorProblems(seed)).toEqual([]);
  });

  it('links every solution to a vendor, one per (vendor, category, sector), at least 2 per vendor', () => {
    expect(catalogueProblems(seed)).toEqual([]);
  });

  it('keeps every price a positive safe integer within the programme cap, and deployment within 7..180 days', () => {
    expect(priceProblems(seed)).toEqual([]);
  });

  it('has non-empty English, zh-HK and zh-CN text in the right scripts', () => {
    expect(textProblems(seed)).toEqual([]);
  });

  it('does not copy zh-HK text into zh-CN', () => {
    const names = [...seedVendors.map((v) => v.name), ...seedSolutions.map((s) => s.name)];
    const differing = names.filter((n) => n.zhHK !== n.zhCN).length;
    expect(differing / names.length).toBeGreaterThanOrEqual(0.9);
    for (const s of seedSolutions) expect(s.description.zhCN, label(s)).not.toBe(s.description.zhHK);
  });

  it('mixes one-off and monthly pricing (roughly 60/40)', () => {
    const monthlyShare = seedSolutions.filter((s) => s.pricingModel === 'monthly').length / seedSolutions.length;
    expect(monthlyShare).toBeGreaterThanOrEqual(0.3);
    expect(monthlyShare).toBeLessThanOrEqual(0.5);
  });

  it('includes packages close to the cap and some cheap ones', () => {
    const counted = seedSolutions.map((s) => countedTotalCents(s.pricingModel, s.priceCents));
    expect(counted.filter((c) => c >= 9_500_000n).length).toBeGreaterThanOrEqual(2);
    expect(counted.filter((c) => c <= 1_000_000n).length).toBeGreaterThanOrEqual(3);
  });

  it('names local payment methods in every POS package description', () => {
    for (const s of seedSolutions.filter((x) => x.category === 'e_payment_pos')) {
      expect(s.description.en, label(s)).toMatch(/Octopus.*FPS/s);
      expect(s.description.zhHK, label(s)).toMatch(/八達通.*轉數快/s);
      expect(s.description.zhCN, label(s)).toMatch(/八达通.*转数快/s);
    }
  });
});

describe('seed catalogue against the listing rules', () => {
  it('passes them as a vendor would have to: minimum prices, and each package with all its features within its ceiling', () => {
    const rules = { maxOneOffCents: 100_000_00, maxSubscriptionMonths: 24, maxSubscriptionTotalCents: 100_000_00, deploymentMonths: 6 };
    const problems = seedSolutions.flatMap((s) =>
      checkListing({
        draft: {
          category: s.category,
          sector: s.sector,
          pricingModel: s.pricingModel,
          priceCents: s.priceCents,
          deploymentDays: s.deploymentDays,
          // What db/seed.ts writes: every monthly item states the seed's contract length.
          minContractMonths: s.pricingModel === 'monthly' ? SEED_CONTRACT_MONTHS : null,
          features: s.features.map((f) => ({ ...f, minContractMonths: f.pricingModel === 'monthly' ? SEED_CONTRACT_MONTHS : null })),
        },
        rules,
        otherListings: [],
        openCategories: [...CATEGORIES],
        openSectors: [...SECTORS],
      }).map((p) => `${label(s)}: ${p.field} ${p.code}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('seed catalogue checks reject broken data', () => {
  it('accepts the seed data as it is', () => {
    expect(allProblems(cloneSeed())).toEqual([]);
  });

  it('rejects a second package for the same vendor, category and sector', () => {
    const c = cloneSeed();
    c.solutions.push({ ...structuredClone(c.solutions[0]!), name: { en: 'Duplicate', zhHK: '重複套餐', zhCN: '重复套餐' } });
    expect(catalogueProblems(c).join('\n')).toMatch(/already has a package/);
  });

  it('rejects an unknown vendorKey and a vendor with fewer than 2 solutions', () => {
    const c = cloneSeed();
    const orphan = c.solutions.find((s) => s.vendorKey === 'dingding')!;
    orphan.vendorKey = 'no-such-vendor';
    const text = catalogueProblems(c).join('\n');
    expect(text).toMatch(/unknown vendor "no-such-vendor"/);
    expect(text).toMatch(/dingding: has 1 solution/);
  });

  it('rejects a one-off price above HK$100,000 but accepts exactly HK$100,000', () => {
    const c = cloneSeed();
    const s = c.solutions.find((x) => x.pricingModel === 'one_off')!;
    s.priceCents = FUNDING_CAP_CENTS;
    expect(priceProblems(c)).toEqual([]);
    s.priceCents = FUNDING_CAP_CENTS + 100;
    expect(priceProblems(c).join('\n')).toMatch(/exceeds/);
  });

  it('rejects a monthly fee whose 24 months exceed the cap', () => {
    const c = cloneSeed();
    const s = c.solutions.find((x) => x.pricingModel === 'monthly')!;
    s.priceCents = 416_600; // × 24 = 9_998_400
    expect(priceProblems(c)).toEqual([]);
    s.priceCents = 416_700; // × 24 = 10_000_800
    expect(priceProblems(c).join('\n')).toMatch(/exceeds/);
  });

  it('rejects fractional, unsafe, non-positive and odd-cent prices', () => {
    for (const bad of [1_234_567.5, 2 ** 53, 0, -100, 1_234_567]) {
      const c = cloneSeed();
      c.solutions[0]!.priceCents = bad;
      expect(priceProblems(c), String(bad)).not.toEqual([]);
    }
    const c = cloneSeed();
    c.solutions[0]!.features[0]!.priceCents = 99.5;
    expect(priceProblems(c)).not.toEqual([]);
  });

  it('rejects deploymentDays outside 7..180 and more than 4 features', () => {
    for (const days of [6, 181, 30.5]) {
      const c = cloneSeed();
      c.solutions[0]!.deploymentDays = days;
      expect(priceProblems(c), String(days)).not.toEqual([]);
    }
    const c = cloneSeed();
    const s = c.solutions[0]!;
    s.features.push(structuredClone({ ...s.features[0]!, name: { en: 'Fifth', zhHK: '第五項', zhCN: '第五项' } }));
    expect(s.features.length).toBe(5);
    expect(priceProblems(c).join('\n')).toMatch(/at most 4/);
  });

  it('rejects bad and duplicate BR numbers, non-example domains and unknown districts', () => {
    const c = cloneSeed();
    c.vendors[0]!.brNumber = '1234567';
    c.vendors[2]!.brNumber = c.vendors[1]!.brNumber;
    c.vendors[3]!.contactEmail = 'sales@lionrock.com.hk';
    c.vendors[4]!.district = 'mong_kok';
    c.vendors[5]!.key = c.vendors[6]!.key;
    const text = vendorProblems(c).join('\n');
    expect(text).toMatch(/not 8 digits/);
    expect(text).toMatch(/duplicate BR number/);
    expect(text).toMatch(/example\.hk domain/);
    expect(text).toMatch(/unknown district/);
    expect(text).toMatch(/duplicate vendor key/);
  });

  it('rejects empty text, zh-HK pasted into zh-CN, and simplified text in zh-HK', () => {
    const empty = cloneSeed();
    empty.solutions[0]!.description.zhCN = '  ';
    expect(textProblems(empty).join('\n')).toMatch(/empty zhCN/);

    const pasted = cloneSeed();
    pasted.solutions[0]!.name.zhCN = pasted.solutions[0]!.name.zhHK;
    expect(textProblems(pasted).join('\n')).toMatch(/zhCN contains traditional/);

    const simplified = cloneSeed();
    simplified.vendors[0]!.name.zhHK = simplified.vendors[0]!.name.zhCN;
    expect(textProblems(simplified).join('\n')).toMatch(/zhHK contains simplified/);
  });
});
