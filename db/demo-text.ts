// Words for the lived-in demo: people, shops, streets and the notes people write to each other. All fictional.
import type { District } from '../app/domain/programme';
import type { RejectionReason } from '../app/domain/reasons';

export type Lang = 'en' | 'zh-HK' | 'zh-CN';
export type Said = Record<Lang, string>;

export const surnames = [
  'Chan',
  'Wong',
  'Lee',
  'Cheung',
  'Lau',
  'Ng',
  'Leung',
  'Ho',
  'Lam',
  'Tse',
  'Yip',
  'Tang',
  'Choi',
  'Kwok',
  'Fung',
  'Mak',
  'Cheng',
  'Chow',
  'Tsang',
  'Lo',
  'Yuen',
  'Poon',
  'Siu',
  'Kwan',
  'Au',
  'Tam',
  'Luk',
  'Man',
  'So',
  'Hui',
] as const;

export const givenNames = [
  'Siu Ming',
  'Ka Yan',
  'Wai Man',
  'Mei Ling',
  'Chi Keung',
  'Hoi Yan',
  'Kin Wah',
  'Suk Fan',
  'Tsz Ho',
  'Wing Sze',
  'Man Kit',
  'Yuk Lan',
  'Ka Lok',
  'Pui Shan',
  'Chun Wai',
  'Sau Ying',
  'Ho Yin',
  'Lai Kuen',
  'Kwok Leung',
  'Yee Man',
  'Tak Ming',
  'Oi Ling',
  'Wing Hong',
  'Siu Wah',
  'Chi Wai',
  'Kit Ying',
  'Yiu Fai',
  'Wai Ling',
  'Hon Keung',
  'Sze Wing',
] as const;

/** Shop names' first half ("Wing Kee" 榮記): old Hong Kong trade names. */
export const tradeNames = [
  ['Wing Kee', '榮記'],
  ['Hop Yik', '合益'],
  ['Tai Hing', '大興'],
  ['Fook Lam', '福臨'],
  ['Kam Fung', '金鳳'],
  ['Sun Kee', '新記'],
  ['Lin Heung', '蓮香'],
  ['Man Wah', '文華'],
  ['Yau Sang', '有生'],
  ['Hung Fat', '鴻發'],
  ['Po Kee', '寶記'],
  ['Chung Hing', '忠興'],
  ['Kwong Wing', '廣榮'],
  ['Tak Shing', '德成'],
  ['Yee Shun', '義順'],
  ['Sang Lee', '生利'],
  ['On Lee', '安利'],
  ['Shing Kee', '盛記'],
  ['Fat Kee', '發記'],
  ['Lok Yuen', '樂園'],
  ['Mei Wah', '美華'],
  ['Kau Kee', '九記'],
  ['Tung Po', '東寶'],
  ['Wah Fung', '華豐'],
  ['Ming Kee', '明記'],
  ['Hing Fat', '興發'],
  ['Wai Kee', '偉記'],
  ['Sam Kee', '森記'],
  ['Yat Lok', '一樂'],
  ['Lai Wah', '麗華'],
  ['Cheung Hing', '祥興'],
  ['Fu Kee', '富記'],
  ['Kwan Kee', '坤記'],
  ['Chi Lin', '志蓮'],
  ['Hang Heung', '恒香'],
] as const;

export const shopKinds: Record<'fnb' | 'retail', readonly (readonly [string, string])[]> = {
  fnb: [
    ['Noodle House', '麵家'],
    ['Cha Chaan Teng', '茶餐廳'],
    ['Congee Shop', '粥店'],
    ['Bakery', '餅店'],
    ['Dim Sum Restaurant', '點心酒家'],
    ['Roast Meat Shop', '燒臘店'],
    ['Dessert House', '糖水舖'],
    ['Café', '咖啡室'],
    ['Hot Pot Restaurant', '火鍋店'],
    ['Tea House', '茶樓'],
    ['Fish Ball Noodles', '魚蛋粉麵'],
    ['Herbal Tea Shop', '涼茶舖'],
  ],
  retail: [
    ['Stationery', '文具'],
    ['Hardware', '五金'],
    ['Herbal Medicine', '參茸藥材'],
    ['Optical', '眼鏡'],
    ['Florist', '花店'],
    ['Dried Seafood', '海味'],
    ['Electrical Appliances', '電器'],
    ['Book Store', '書局'],
    ['Pharmacy', '藥房'],
    ['Pet Supplies', '寵物用品'],
    ['Rice Shop', '米舖'],
    ['Tailor', '洋服'],
    ['Toy Shop', '玩具'],
    ['Tea Merchant', '茶莊'],
    ['Sports Goods', '運動用品'],
  ],
};

export const districtNames: Record<District, readonly [string, string]> = {
  central_western: ['Sheung Wan', '上環'],
  wan_chai: ['Wan Chai', '灣仔'],
  eastern: ['North Point', '北角'],
  southern: ['Aberdeen', '香港仔'],
  yau_tsim_mong: ['Mong Kok', '旺角'],
  sham_shui_po: ['Sham Shui Po', '深水埗'],
  kowloon_city: ['To Kwa Wan', '土瓜灣'],
  wong_tai_sin: ['Tsz Wan Shan', '慈雲山'],
  kwun_tong: ['Kwun Tong', '觀塘'],
  kwai_tsing: ['Kwai Chung', '葵涌'],
  tsuen_wan: ['Tsuen Wan', '荃灣'],
  tuen_mun: ['Tuen Mun', '屯門'],
  yuen_long: ['Yuen Long', '元朗'],
  north: ['Sheung Shui', '上水'],
  tai_po: ['Tai Po', '大埔'],
  sha_tin: ['Tai Wai', '大圍'],
  sai_kung: ['Sai Kung', '西貢'],
  islands: ['Cheung Chau', '長洲'],
};

export const streets: Record<District, readonly (readonly [string, string])[]> = {
  central_western: [
    ['Wing Lok Street', '永樂街'],
    ["Queen's Road West", '皇后大道西'],
    ['Des Voeux Road West', '德輔道西'],
  ],
  wan_chai: [
    ['Lockhart Road', '駱克道'],
    ['Johnston Road', '莊士敦道'],
    ['Tai Yuen Street', '太原街'],
  ],
  eastern: [
    ["King's Road", '英皇道'],
    ['Chun Yeung Street', '春秧街'],
    ['Java Road', '渣華道'],
  ],
  southern: [
    ['Aberdeen Main Road', '香港仔大道'],
    ['Ap Lei Chau Main Street', '鴨脷洲大街'],
    ['Wu Pak Street', '湖北街'],
  ],
  yau_tsim_mong: [
    ['Nathan Road', '彌敦道'],
    ['Temple Street', '廟街'],
    ['Shanghai Street', '上海街'],
  ],
  sham_shui_po: [
    ['Fuk Wing Street', '福榮街'],
    ['Apliu Street', '鴨寮街'],
    ['Pei Ho Street', '北河街'],
  ],
  kowloon_city: [
    ['Nga Tsin Wai Road', '衙前圍道'],
    ['To Kwa Wan Road', '土瓜灣道'],
    ['Pau Chung Street', '炮仗街'],
  ],
  wong_tai_sin: [
    ['Choi Hung Road', '彩虹道'],
    ['Tsz Wan Shan Road', '慈雲山道'],
    ['Ngan Chuk Street', '銀竹街'],
  ],
  kwun_tong: [
    ['Hoi Yuen Road', '開源道'],
    ['Mut Wah Street', '物華街'],
    ['Hong Ning Road', '康寧道'],
  ],
  kwai_tsing: [
    ['Kwai Chung Road', '葵涌道'],
    ['Hing Fong Road', '興芳路'],
    ['Tsing Yi Road', '青衣路'],
  ],
  tsuen_wan: [
    ['Sha Tsui Road', '沙咀道'],
    ['Chung On Street', '眾安街'],
    ['Hoi Pa Street', '海壩街'],
  ],
  tuen_mun: [
    ['Pui To Road', '杯渡路'],
    ['Tsing Hoi Circuit', '青海圍'],
    ['Kai Man Path', '啟民徑'],
  ],
  yuen_long: [
    ['Fau Tsoi Street', '阜財街'],
    ['Kau Yuk Road', '教育路'],
    ['Tai Tong Road', '大棠路'],
  ],
  north: [
    ['San Wan Road', '新運路'],
    ['Luen Hing Street', '聯興街'],
    ['San Hong Street', '新康街'],
  ],
  tai_po: [
    ['Kwong Fuk Road', '廣福道'],
    ['On Fu Road', '安富道'],
    ['Tai Ming Lane', '大明里'],
  ],
  sha_tin: [
    ['Chik Fai Street', '積輝街'],
    ['Sha Tin Centre Street', '沙田正街'],
    ['Man Lai Road', '文禮路'],
  ],
  sai_kung: [
    ['Po Tung Road', '普通道'],
    ['Man Nin Street', '萬年街'],
    ['Yi Chun Street', '宜春街'],
  ],
  islands: [
    ['Praya Street', '海傍街'],
    ['Tung Wan Road', '東灣路'],
    ['Pak She Street', '北社街'],
  ],
};

export const enquiryMessages: Said[] = [
  {
    en: 'We would like it installed before the Lunar New Year rush.',
    'zh-HK': '希望可於農曆新年旺季前安裝。',
    'zh-CN': '希望可于农历新年旺季前安装。',
  },
  {
    en: 'Can your staff train our two cashiers on a Sunday?',
    'zh-HK': '請問可否安排星期日為兩位收銀員培訓？',
    'zh-CN': '请问可否安排星期日为两位收银员培训？',
  },
  {
    en: 'Our shop is small; please confirm the terminal fits the counter.',
    'zh-HK': '本店面積細小，請確認收銀機可放於櫃枱。',
    'zh-CN': '本店面积细小，请确认收银机可放于柜台。',
  },
  { en: '', 'zh-HK': '', 'zh-CN': '' },
  { en: '', 'zh-HK': '', 'zh-CN': '' },
];

export const declineReasons: Said[] = [
  {
    en: 'We cannot install in your district before next quarter.',
    'zh-HK': '本公司下季前未能在貴區安裝。',
    'zh-CN': '本公司下季前未能在贵区安装。',
  },
  {
    en: 'This package does not support the card reader you already own.',
    'zh-HK': '此套餐不支援貴店現有的讀卡機。',
    'zh-CN': '此套餐不支持贵店现有的读卡机。',
  },
];

export const infoRequests: Said[] = [
  {
    en: 'Please upload a photo of the shop front showing the business name.',
    'zh-HK': '請上載顯示商號名稱的店舖門面相片。',
    'zh-CN': '请上载显示商号名称的店铺门面相片。',
  },
  {
    en: 'Please upload the Business Registration Certificate valid for this year.',
    'zh-HK': '請上載本年度有效的商業登記證。',
    'zh-CN': '请上载本年度有效的商业登记证。',
  },
  {
    en: 'Please confirm the number of full-time employees with the latest MPF contribution record.',
    'zh-HK': '請附上最近一期強積金供款紀錄，以確認全職僱員人數。',
    'zh-CN': '请附上最近一期强积金供款纪录，以确认全职雇员人数。',
  },
  {
    en: 'The quotation has no company chop of the vendor; please upload a stamped copy.',
    'zh-HK': '報價單未有供應商公司印鑑，請上載已蓋印的副本。',
    'zh-CN': '报价单未有供应商公司印鉴，请上载已盖印的副本。',
  },
];

export const infoAnswers: Said[] = [
  { en: 'Photo of the shop front attached.', 'zh-HK': '已附上店舖門面相片。', 'zh-CN': '已附上店铺门面相片。' },
  { en: 'Current BR certificate attached.', 'zh-HK': '已附上有效的商業登記證。', 'zh-CN': '已附上有效的商业登记证。' },
  {
    en: 'MPF record attached: 6 full-time staff.',
    'zh-HK': '已附上強積金紀錄：全職僱員六名。',
    'zh-CN': '已附上强积金纪录：全职雇员六名。',
  },
  { en: 'Stamped quotation attached.', 'zh-HK': '已附上蓋印報價單。', 'zh-CN': '已附上盖印报价单。' },
];

export const rejections: { reason: RejectionReason; note: Said }[] = [
  {
    reason: 'documents_incomplete',
    note: {
      en: 'The requested documents were not provided in full.',
      'zh-HK': '未有提交全部所需文件。',
      'zh-CN': '未有提交全部所需文件。',
    },
  },
  {
    reason: 'quotation_not_acceptable',
    note: {
      en: 'The quotation includes hardware outside the listed package.',
      'zh-HK': '報價單包括套餐以外的硬件。',
      'zh-CN': '报价单包括套餐以外的硬件。',
    },
  },
  {
    reason: 'duplicate_funding',
    note: {
      en: 'The same solution is already funded under another government scheme.',
      'zh-HK': '同一方案已獲其他政府計劃資助。',
      'zh-CN': '同一方案已获其他政府计划资助。',
    },
  },
  {
    reason: 'related_to_vendor',
    note: {
      en: 'A director of the business is also a director of the vendor.',
      'zh-HK': '企業董事同時為方案供應商的董事。',
      'zh-CN': '企业董事同时为方案供应商的董事。',
    },
  },
  {
    reason: 'not_eligible_enterprise',
    note: {
      en: 'The MPF record shows 50 or more full-time employees across the group.',
      'zh-HK': '強積金紀錄顯示集團全職僱員達50人或以上。',
      'zh-CN': '强积金纪录显示集团全职雇员达50人或以上。',
    },
  },
  {
    reason: 'sector_not_covered',
    note: {
      en: 'The business operates mainly as a wholesaler, not a shop.',
      'zh-HK': '企業主要經營批發，並非零售店舖。',
      'zh-CN': '企业主要经营批发，并非零售店铺。',
    },
  },
];

export const withdrawNotes: (Said | null)[] = [
  { en: 'We chose another package.', 'zh-HK': '已改選其他套餐。', 'zh-CN': '已改选其他套餐。' },
  { en: 'The shop is moving; we will apply again later.', 'zh-HK': '店舖搬遷，稍後再申請。', 'zh-CN': '店铺搬迁，稍后再申请。' },
  null,
];

export type ClaimFlaw = 'payer' | 'amount' | 'date';

export const claimReturns: Record<ClaimFlaw, Said> = {
  payer: {
    en: 'The payment came from a personal account; please send proof of payment from the business.',
    'zh-HK': '款項由個人戶口支付，請提交由企業支付的付款證明。',
    'zh-CN': '款项由个人户口支付，请提交由企业支付的付款证明。',
  },
  amount: {
    en: 'The amount paid does not match the invoice; please upload the full payment record.',
    'zh-HK': '已付金額與發票不符，請上載完整付款紀錄。',
    'zh-CN': '已付金额与发票不符，请上载完整付款纪录。',
  },
  date: {
    en: 'The invoice is dated before the approval; please send the invoice issued for this project.',
    'zh-HK': '發票日期早於批核日期，請提交本項目的發票。',
    'zh-CN': '发票日期早于批核日期，请提交本项目的发票。',
  },
};

export const deploymentNotes: (string | null)[] = [
  'Installed and staff trained on site.',
  'Set up remotely; the shop confirmed the first sale.',
  null,
  null,
];

/** A vendor waiting for the officers' decision on its enrolment, and one they turned down. */
export const enrolments = {
  pending: {
    user: { email: 'enrol@kbsmartretail.example.hk', displayName: 'Yvonne Tam', locale: 'en' as const },
    vendor: {
      nameEn: 'Kowloon Bay Smart Retail Ltd',
      nameZhHk: '九龍灣智能零售有限公司',
      nameZhCn: '九龙湾智能零售有限公司',
      brNumber: '80452317',
      contactName: 'Yvonne Tam',
      contactEmail: 'enrol@kbsmartretail.example.hk',
      phone: '3620 1188',
      website: 'https://www.kbsmartretail.example.hk',
      district: 'kwun_tong',
      trackRecord:
        'Since 2016 we have installed cloud POS and stock systems in 140 retail shops in Kowloon East, with a local hotline open 7 days a week.',
      referenceCustomers: 'Hing Fat Hardware (Ngau Tau Kok), Mei Wah Stationery (Kwun Tong), Lok Yuen Toys (Lam Tin)',
      netEquityPositive: true,
    },
  },
  rejected: {
    user: { email: 'hello@quickqr.example.hk', displayName: 'Kelvin Szeto', locale: 'zh-HK' as const },
    vendor: {
      nameEn: 'Quick QR Marketing Co',
      nameZhHk: '快碼推廣公司',
      nameZhCn: '快码推广公司',
      brNumber: '91830264',
      contactName: 'Kelvin Szeto',
      contactEmail: 'hello@quickqr.example.hk',
      phone: '6122 9088',
      website: null,
      district: 'yau_tsim_mong',
      trackRecord: '新成立公司，團隊有網上推廣經驗。',
      referenceCustomers: '暫無',
      netEquityPositive: true,
    },
    reason: 'No track record of delivering digital solutions to shops yet; welcome to apply again with reference customers.',
  },
};

/** A brand-new package and a new version of a listed one, both waiting for vetting. */
export const pendingListings = {
  newPackage: {
    vendorKey: 'pierseven',
    category: 'customer_management',
    sector: 'fnb',
    nameEn: 'Pier Seven Diners Club',
    nameZhHk: '七號碼頭食客會',
    nameZhCn: '七号码头食客会',
    descriptionEn:
      'A membership programme for restaurants: diners join with a QR code at the table, collect points on every bill and receive birthday and off-peak offers by WhatsApp.',
    descriptionZhHk: '專為食肆而設的會員計劃：食客在餐枱掃描二維碼即可登記，每次結賬累積積分，並經WhatsApp收取生日及非繁忙時段優惠。',
    descriptionZhCn: '专为食肆而设的会员计划：食客在餐台扫描二维码即可登记，每次结账累积积分，并经WhatsApp收取生日及非繁忙时段优惠。',
    deliverablesEn:
      'Member sign-up QR codes for every table; points and coupon rules set up; monthly campaign report; two hours of staff training.',
    deliverablesZhHk: '每張餐枱的會員登記二維碼；設定積分及優惠券規則；每月推廣報告；兩小時員工培訓。',
    deliverablesZhCn: '每张餐台的会员登记二维码；设定积分及优惠券规则；每月推广报告；两小时员工培训。',
    pricingModel: 'monthly' as const,
    priceCents: 39_800,
    minContractMonths: 12,
    deploymentDays: 21,
    // What it states for the matcher: for restaurants of 10 to 120 seats, up to five outlets, support all over Hong Kong.
    needsMet: ['bring_back', 'know_customers'],
    paymentMethods: null,
    maxOutlets: 5,
    minSeats: 10,
    maxSeats: 120,
    supportDistricts: null,
    features: [
      {
        nameEn: 'Table booking reminders by SMS',
        nameZhHk: '短訊訂座提示',
        nameZhCn: '短讯订座提示',
        pricingModel: 'monthly' as const,
        priceCents: 8_000,
        minContractMonths: 12,
      },
    ],
  },
  /** A price rise of a listed package; the listed version stays in the catalogue until the new one is approved. */
  newVersion: { vendorKey: 'dingding', category: 'e_payment_pos', sector: 'fnb', priceCents: 880_000 },
};
