// Seed catalogue: realistic vendors and vetted packages for the demo database.
import { assumedAttributes, type StatedAttributes } from '../app/domain/listing-attributes';
export type SeedCategory = 'e_payment_pos' | 'online_promotion' | 'customer_management';
export type SeedSector = 'fnb' | 'retail';
export type SeedPricingModel = 'one_off' | 'monthly';
export type SeedText = { en: string; zhHK: string; zhCN: string };
export type SeedVendor = {
  key: string; // short slug, unique, e.g. 'octopay'
  name: SeedText;
  brNumber: string; // 8 digits, unique across vendors
  contactEmail: string; // use example domains only, e.g. sales@octopay.example.hk
  phone: string; // Hong Kong 8-digit number like '2345 6789'
  website: string; // https://<something>.example.hk
  district: string; // one of the 18 district codes in GLOSSARY.md
};
export type SeedFeature = { name: SeedText; pricingModel: SeedPricingModel; priceCents: number };

/** The minimum contract every seeded monthly item states: 24 months, the figures the demo catalogue always showed. */
export const SEED_CONTRACT_MONTHS = 24;
export type SeedSolution = {
  vendorKey: string;
  category: SeedCategory;
  sector: SeedSector;
  name: SeedText;
  description: SeedText; // 2-3 sentences, concrete: what the shop gets (hardware, training, payment methods...)
  pricingModel: SeedPricingModel;
  priceCents: number; // one-off total, or the MONTHLY fee when pricingModel is 'monthly'
  deploymentDays: number; // 7..180
  features: SeedFeature[]; // 0..4 optional features, each with its own explicit price
  /** What the listing states for the matcher beyond what its texts say (seedAttributes fills in the rest). */
  attributes?: Partial<StatedAttributes>;
};

/**
 * What a seeded package states for the matcher (issue 13 §1): what its texts and category say (the needs its name
 * names, the payment methods and seat range its description gives), with the package's own statements on top.
 */
export function seedAttributes(solution: SeedSolution): StatedAttributes {
  return {
    ...assumedAttributes({ category: solution.category, name: solution.name.en, description: solution.description.en }),
    ...solution.attributes,
  };
}

// All vendors and businesses below are fictional. Contact details use the reserved-style
// `example.hk` domain; BR numbers are made up and belong to no real business.
export const seedVendors: SeedVendor[] = [
  {
    key: 'harbourpos',
    name: { en: 'Harbour POS Ltd', zhHK: '海港收銀系統有限公司', zhCN: '海港收银系统有限公司' },
    brNumber: '61234578',
    contactEmail: 'sales@harbourpos.example.hk',
    phone: '2345 6789',
    website: 'https://www.harbourpos.example.hk',
    district: 'kwun_tong',
  },
  {
    key: 'octopay',
    name: { en: 'OctoPay Payment Solutions Ltd', zhHK: '八方電子支付有限公司', zhCN: '八方电子支付有限公司' },
    brNumber: '38620415',
    contactEmail: 'sales@octopay.example.hk',
    phone: '3188 2211',
    website: 'https://octopay.example.hk',
    district: 'kowloon_city',
  },
  {
    key: 'dimsumdigital',
    name: { en: 'Dim Sum Digital Ltd', zhHK: '點心數碼有限公司', zhCN: '点心数码有限公司' },
    brNumber: '52907736',
    contactEmail: 'hello@dimsumdigital.example.hk',
    phone: '2728 4410',
    website: 'https://www.dimsumdigital.example.hk',
    district: 'sham_shui_po',
  },
  {
    key: 'lionrock',
    name: { en: 'Lion Rock Tech Ltd', zhHK: '獅子山科技有限公司', zhCN: '狮子山科技有限公司' },
    brNumber: '47163820',
    contactEmail: 'enquiry@lionrocktech.example.hk',
    phone: '2322 8080',
    website: 'https://www.lionrocktech.example.hk',
    district: 'wong_tai_sin',
  },
  {
    key: 'peakcommerce',
    name: { en: 'Peak Commerce Systems Ltd', zhHK: '山頂商務系統有限公司', zhCN: '山顶商务系统有限公司' },
    brNumber: '30518894',
    contactEmail: 'sales@peakcommerce.example.hk',
    phone: '2810 3366',
    website: 'https://www.peakcommerce.example.hk',
    district: 'central_western',
  },
  {
    key: 'teatime',
    name: { en: 'Tea Time Loyalty Ltd', zhHK: '茶聚會員科技有限公司', zhCN: '茶聚会员科技有限公司' },
    brNumber: '64402917',
    contactEmail: 'hello@teatimeloyalty.example.hk',
    phone: '2893 1020',
    website: 'https://teatimeloyalty.example.hk',
    district: 'wan_chai',
  },
  {
    key: 'pierseven',
    name: { en: 'Pier Seven Digital Ltd', zhHK: '七號碼頭數碼推廣有限公司', zhCN: '七号码头数码推广有限公司' },
    brNumber: '59873142',
    contactEmail: 'team@pierseven.example.hk',
    phone: '2366 7007',
    website: 'https://www.pierseven.example.hk',
    district: 'yau_tsim_mong',
  },
  {
    key: 'neonsign',
    name: { en: 'Neon Sign Media Ltd', zhHK: '霓虹招牌媒體有限公司', zhCN: '霓虹招牌媒体有限公司' },
    brNumber: '41285067',
    contactEmail: 'studio@neonsign.example.hk',
    phone: '2552 9188',
    website: 'https://neonsign.example.hk',
    district: 'southern',
  },
  {
    key: 'junkbaycloud',
    name: { en: 'Junk Bay Cloud Ltd', zhHK: '將軍澳雲端科技有限公司', zhCN: '将军澳云端科技有限公司' },
    brNumber: '68310459',
    contactEmail: 'sales@junkbaycloud.example.hk',
    phone: '3596 2288',
    website: 'https://www.junkbaycloud.example.hk',
    district: 'sai_kung',
  },
  {
    key: 'dingding',
    name: { en: 'Ding Ding POS Ltd', zhHK: '叮叮收銀科技有限公司', zhCN: '叮叮收银科技有限公司' },
    brNumber: '35097726',
    contactEmail: 'sales@dingdingpos.example.hk',
    phone: '2568 3131',
    website: 'https://www.dingdingpos.example.hk',
    district: 'eastern',
  },
  {
    key: 'kaifong',
    name: { en: 'Kaifong Connect Ltd', zhHK: '街坊通數碼有限公司', zhCN: '街坊通数码有限公司' },
    brNumber: '72648813',
    contactEmail: 'support@kaifong.example.hk',
    phone: '2415 6262',
    website: 'https://kaifong.example.hk',
    district: 'tsuen_wan',
  },
  {
    key: 'lantau',
    name: { en: 'Lantau Digital Ltd', zhHK: '大嶼山數碼方案有限公司', zhCN: '大屿山数码方案有限公司' },
    brNumber: '46931508',
    contactEmail: 'info@lantaudigital.example.hk',
    phone: '2984 1133',
    website: 'https://www.lantaudigital.example.hk',
    district: 'islands',
  },
  {
    key: 'shingmun',
    name: { en: 'Shing Mun Smart Retail Ltd', zhHK: '城門智能零售有限公司', zhCN: '城门智能零售有限公司' },
    brNumber: '39752264',
    contactEmail: 'sales@shingmunretail.example.hk',
    phone: '2601 4545',
    website: 'https://www.shingmunretail.example.hk',
    district: 'sha_tin',
  },
  {
    key: 'taitong',
    name: { en: 'Tai Tong Data Ltd', zhHK: '大棠數據科技有限公司', zhCN: '大棠数据科技有限公司' },
    brNumber: '57014389',
    contactEmail: 'hello@taitongdata.example.hk',
    phone: '2476 5858',
    website: 'https://taitongdata.example.hk',
    district: 'yuen_long',
  },
  {
    key: 'tolo',
    name: { en: 'Tolo Harbour Web Studio Ltd', zhHK: '吐露港網頁設計有限公司', zhCN: '吐露港网页设计有限公司' },
    brNumber: '63389021',
    contactEmail: 'studio@toloweb.example.hk',
    phone: '2658 7070',
    website: 'https://www.toloweb.example.hk',
    district: 'tai_po',
  },
  {
    key: 'castlepeak',
    name: { en: 'Castle Peak Payments Ltd', zhHK: '青山支付系統有限公司', zhCN: '青山支付系统有限公司' },
    brNumber: '44826175',
    contactEmail: 'sales@castlepeakpay.example.hk',
    phone: '2450 9898',
    website: 'https://www.castlepeakpay.example.hk',
    district: 'tuen_mun',
  },
  {
    key: 'rambler',
    name: { en: 'Rambler Retail Tech Ltd', zhHK: '藍巴勒零售科技有限公司', zhCN: '蓝巴勒零售科技有限公司' },
    brNumber: '70551932',
    contactEmail: 'sales@ramblerretail.example.hk',
    phone: '2427 3030',
    website: 'https://www.ramblerretail.example.hk',
    district: 'kwai_tsing',
  },
];

// Prices are integer cents: 3_880_000 = HK$38,800. A monthly priceCents is the fee per month.
export const seedSolutions: SeedSolution[] = [
  // ── Harbour POS Ltd ──────────────────────────────────────────────────────────────
  {
    vendorKey: 'harbourpos',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Restaurant POS Starter Kit', zhHK: '餐廳收銀系統入門套裝', zhCN: '餐厅收银系统入门套装' },
    description: {
      en: 'Includes a touchscreen POS terminal, receipt printer, kitchen printer and cash drawer, with menu set-up and two on-site staff training sessions. One card terminal accepts Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard and UnionPay. Twelve months of phone and on-site support are included.',
      zhHK: '套裝包括觸控式收銀機、收據打印機、廚房打印機及錢箱，並代為設定餐牌及提供兩次上門員工培訓。一部終端機即可收八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard 及銀聯。包一年電話及上門技術支援。',
      zhCN: '套装包括触控式收银机、收据打印机、厨房打印机及钱箱，并代为设定餐牌及提供两次上门员工培训。一部终端机即可收八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard 及银联。包一年电话及上门技术支援。',
    },
    pricingModel: 'one_off',
    priceCents: 3_880_000, // HK$38,800
    deploymentDays: 30,
    features: [
      { name: { en: 'Extra POS terminal', zhHK: '額外收銀機', zhCN: '额外收银机' }, pricingModel: 'one_off', priceCents: 680_000 },
      { name: { en: 'Kitchen display screen', zhHK: '廚房顯示屏', zhCN: '厨房显示屏' }, pricingModel: 'one_off', priceCents: 650_000 },
      {
        name: { en: 'QR code table ordering', zhHK: 'QR Code 枱面點餐', zhCN: 'QR Code 台面点餐' },
        pricingModel: 'monthly',
        priceCents: 18_000,
      },
      {
        name: { en: 'Extra 12 months of support', zhHK: '額外 12 個月技術支援', zhCN: '额外 12 个月技术支援' },
        pricingModel: 'one_off',
        priceCents: 240_000,
      },
    ],
  },
  {
    vendorKey: 'harbourpos',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Retail POS with Inventory', zhHK: '零售收銀及存貨系統', zhCN: '零售收银及存货系统' },
    description: {
      en: 'A counter POS with barcode scanner, receipt printer and cash drawer, plus a stock module that tracks items, suppliers and low-stock alerts. The bundled card terminal takes Octopus, FPS, Visa, Mastercard, UnionPay, Apple Pay and Google Pay. Includes product data import for up to 3,000 items and on-site staff training.',
      zhHK: '櫃檯收銀機連條碼掃描器、收據打印機及錢箱，另附存貨管理模組，可追蹤貨品、供應商及低存量提示。隨附的終端機接受八達通、轉數快、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay。代為匯入最多 3,000 項貨品資料，並提供上門員工培訓。',
      zhCN: '柜台收银机连条码扫描器、收据打印机及钱箱，另附存货管理模组，可追踪货品、供应商及低存量提示。随附的终端机接受八达通、转数快、Visa、Mastercard、银联、Apple Pay 及 Google Pay。代为汇入最多 3,000 项货品资料，并提供上门员工培训。',
    },
    pricingModel: 'one_off',
    priceCents: 4_280_000, // HK$42,800
    deploymentDays: 30,
    features: [
      {
        name: { en: 'Extra barcode scanner', zhHK: '額外條碼掃描器', zhCN: '额外条码扫描器' },
        pricingModel: 'one_off',
        priceCents: 120_000,
      },
      { name: { en: 'Shelf label printer', zhHK: '貨架標籤打印機', zhCN: '货架标签打印机' }, pricingModel: 'one_off', priceCents: 220_000 },
      { name: { en: 'Multi-branch stock sync', zhHK: '分店存貨同步', zhCN: '分店存货同步' }, pricingModel: 'monthly', priceCents: 38_000 },
    ],
  },
  {
    vendorKey: 'harbourpos',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Diner Rewards', zhHK: '食客會員積分', zhCN: '食客会员积分' },
    description: {
      en: 'Customers join by scanning a QR code at the table and earn points on every bill, linked directly to the Harbour POS. The shop can set point rules, member tiers and redemption items from a web dashboard. Setup, QR table stickers and one staff briefing are included.',
      zhHK: '客人在餐枱掃 QR Code 即可登記成為會員，每次埋單自動累積積分，並與海港收銀系統直接連接。店主可在網上後台設定積分規則、會員等級及換領禮品。費用已包括開戶設定、餐枱 QR Code 貼紙及一次員工講解。',
      zhCN: '客人在餐台扫 QR Code 即可登记成为会员，每次埋单自动累积积分，并与海港收银系统直接连接。店主可在网上后台设定积分规则、会员等级及换领礼品。费用已包括开户设定、餐台 QR Code 贴纸及一次员工讲解。',
    },
    pricingModel: 'monthly',
    priceCents: 48_000, // HK$480 / month
    deploymentDays: 21,
    features: [
      { name: { en: 'E-coupon module', zhHK: '電子優惠券模組', zhCN: '电子优惠券模组' }, pricingModel: 'monthly', priceCents: 12_000 },
      {
        name: { en: 'WhatsApp birthday offers', zhHK: 'WhatsApp 生日優惠推送', zhCN: 'WhatsApp 生日优惠推送' },
        pricingModel: 'monthly',
        priceCents: 15_000,
      },
    ],
  },
  {
    vendorKey: 'harbourpos',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Shopper Membership', zhHK: '購物會員系統', zhCN: '购物会员系统' },
    description: {
      en: 'A membership and points system for retail shops, with member sign-up at the counter by phone number and points redemption at checkout. Includes a simple customer database with purchase history, so staff can see what regulars usually buy. Comes with data migration from paper or Excel member lists and half a day of training.',
      zhHK: '專為零售店而設的會員及積分系統，客人在收銀處以手機號碼登記，結帳時即可用積分扣減。內置客戶資料庫及購買紀錄，店員一眼看到熟客常買的貨品。包括將紙本或 Excel 會員名單轉入系統，以及半日培訓。',
      zhCN: '专为零售店而设的会员及积分系统，客人在收银处以手机号码登记，结账时即可用积分扣减。内置客户资料库及购买纪录，店员一眼看到熟客常买的货品。包括将纸本或 Excel 会员名单转入系统，以及半日培训。',
    },
    pricingModel: 'one_off',
    priceCents: 1_880_000, // HK$18,800
    deploymentDays: 28,
    features: [
      {
        name: { en: '5,000 SMS message credits', zhHK: '5,000 條短訊額度', zhCN: '5,000 条短讯额度' },
        pricingModel: 'one_off',
        priceCents: 60_000,
      },
      {
        name: { en: 'Branded member app', zhHK: '品牌會員手機程式', zhCN: '品牌会员手机程式' },
        pricingModel: 'one_off',
        priceCents: 1_200_000,
      },
    ],
  },

  // ── OctoPay Payment Solutions Ltd ────────────────────────────────────────────────
  {
    vendorKey: 'octopay',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Café Counter Plan', zhHK: '咖啡店收銀月費計劃', zhCN: '咖啡店收银月费计划' },
    description: {
      en: 'A compact Android POS with built-in receipt printer and card reader, rented monthly with no upfront hardware cost. Takes Octopus, FPS, PayMe, AlipayHK, WeChat Pay HK, Visa, Mastercard, Apple Pay and Google Pay, with daily settlement reports. Menu set-up, remote training and hardware replacement within two working days are included.',
      zhHK: '輕巧的 Android 收銀機，內置收據打印機及讀卡器，按月租用，無需預先付硬件費用。支援八達通、轉數快、PayMe、支付寶香港、微信支付香港、Visa、Mastercard、Apple Pay 及 Google Pay，每日自動產生結算報表。已包括餐牌設定、遙距培訓，機件故障兩個工作天內更換。',
      zhCN: '轻巧的 Android 收银机，内置收据打印机及读卡器，按月租用，无需预先付硬件费用。支援八达通、转数快、PayMe、支付宝香港、微信支付香港、Visa、Mastercard、Apple Pay 及 Google Pay，每日自动产生结算报表。已包括餐牌设定、遥距培训，机件故障两个工作天内更换。',
    },
    pricingModel: 'monthly',
    priceCents: 58_000, // HK$580 / month
    deploymentDays: 14,
    features: [
      {
        name: { en: 'Extra handheld terminal', zhHK: '額外手提收銀機', zhCN: '额外手提收银机' },
        pricingModel: 'monthly',
        priceCents: 18_000,
      },
      {
        name: { en: 'Online ordering QR code', zhHK: '網上點餐 QR Code', zhCN: '网上点餐 QR Code' },
        pricingModel: 'monthly',
        priceCents: 22_000,
      },
    ],
  },
  {
    vendorKey: 'octopay',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Shopfront POS Plan', zhHK: '店舖收銀月費計劃', zhCN: '店铺收银月费计划' },
    description: {
      en: 'A monthly-rental POS for small shops with a barcode scanner, receipt printer and a card terminal that accepts Octopus, FPS, PayMe, UnionPay, Visa and Mastercard. Sales, refunds and stock counts sync to a phone app so the owner can check takings from anywhere. Hardware, software updates and a hotline from 9am to 9pm are covered by the fee.',
      zhHK: '小型店舖適用的月租收銀系統，包括條碼掃描器、收據打印機，以及可收八達通、轉數快、PayMe、銀聯、Visa 及 Mastercard 的終端機。銷售、退款及存貨數字同步至手機程式，老闆隨時隨地查看營業額。月費已包括硬件、軟件更新及早上 9 時至晚上 9 時熱線支援。',
      zhCN: '小型店铺适用的月租收银系统，包括条码扫描器、收据打印机，以及可收八达通、转数快、PayMe、银联、Visa 及 Mastercard 的终端机。销售、退款及存货数字同步至手机程式，老板随时随地查看营业额。月费已包括硬件、软件更新及早上 9 时至晚上 9 时热线支援。',
    },
    pricingModel: 'monthly',
    priceCents: 68_000, // HK$680 / month
    deploymentDays: 14,
    features: [
      { name: { en: 'Second card terminal', zhHK: '第二部終端機', zhCN: '第二部终端机' }, pricingModel: 'monthly', priceCents: 15_000 },
      {
        name: { en: 'Advanced inventory module', zhHK: '進階存貨模組', zhCN: '进阶存货模组' },
        pricingModel: 'monthly',
        priceCents: 20_000,
      },
    ],
  },
  {
    vendorKey: 'octopay',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Digital Stamp Card', zhHK: '電子印花卡', zhCN: '电子印花卡' },
    description: {
      en: 'A digital stamp card that customers collect by tapping or scanning at the OctoPay terminal, with no app to download. The shop sets the reward, such as a free item after ten purchases, and sees how many stamps are redeemed each week.',
      zhHK: '電子印花卡，客人在八方終端機拍卡或掃碼即可儲印花，毋須下載任何程式。店主自訂獎賞，例如買滿十次送一件貨品，並可每星期查看印花換領數字。',
      zhCN: '电子印花卡，客人在八方终端机拍卡或扫码即可储印花，毋须下载任何程式。店主自订奖赏，例如买满十次送一件货品，并可每星期查看印花换领数字。',
    },
    pricingModel: 'monthly',
    priceCents: 30_000, // HK$300 / month
    deploymentDays: 10,
    features: [],
  },

  // ── Dim Sum Digital Ltd ──────────────────────────────────────────────────────────
  {
    vendorKey: 'dimsumdigital',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Cha Chaan Teng All-in-One POS', zhHK: '茶餐廳一站式收銀系統', zhCN: '茶餐厅一站式收银系统' },
    description: {
      en: 'Built for busy cha chaan tengs: a counter POS, two handheld order-taking devices and kitchen and drinks-station printers that split orders automatically. Customers pay by Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard or cash, and the system handles shared tables and takeaway orders. Set-up of a bilingual menu with modifiers such as less ice or less sugar and two on-site training sessions are included.',
      zhHK: '專為繁忙茶餐廳設計：一部櫃面收銀機、兩部手提落單機，以及廚房和水吧打印機，訂單自動分送。客人可用八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard 或現金付款，系統支援搭枱及外賣單。已包括中英文餐牌及走冰、少甜等加減項設定，以及兩次上門培訓。',
      zhCN: '专为繁忙茶餐厅设计：一部柜面收银机、两部手提落单机，以及厨房和水吧打印机，订单自动分送。客人可用八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard 或现金付款，系统支援搭台及外卖单。已包括中英文餐牌及走冰、少甜等加减项设定，以及两次上门培训。',
    },
    pricingModel: 'one_off',
    priceCents: 2_680_000, // HK$26,800
    deploymentDays: 21,
    features: [
      {
        name: { en: 'Extra handheld ordering device', zhHK: '額外手提落單機', zhCN: '额外手提落单机' },
        pricingModel: 'one_off',
        priceCents: 450_000,
      },
      { name: { en: 'Kitchen display screen', zhHK: '廚房顯示屏', zhCN: '厨房显示屏' }, pricingModel: 'one_off', priceCents: 580_000 },
      {
        name: { en: 'Phone takeaway order module', zhHK: '電話外賣落單模組', zhCN: '电话外卖落单模组' },
        pricingModel: 'one_off',
        priceCents: 180_000,
      },
    ],
  },
  {
    vendorKey: 'dimsumdigital',
    category: 'online_promotion',
    sector: 'fnb',
    name: { en: 'Food Delivery Platform Launch', zhHK: '外賣平台上架推廣', zhCN: '外卖平台上架推广' },
    description: {
      en: 'We list your restaurant on the major food delivery platforms, write the bilingual menu copy and photograph up to 30 dishes in your shop. Your Google Business profile is also set up with opening hours, photos and a menu link. A report after the first month shows orders, ratings and suggested menu changes.',
      zhHK: '代為將餐廳上架至主要外賣平台，撰寫中英文餐牌文案，並到店拍攝最多 30 款菜式。同時設定 Google 商家檔案，包括營業時間、相片及餐牌連結。首月完結後提供報告，分析訂單、評分及餐牌調整建議。',
      zhCN: '代为将餐厅上架至主要外卖平台，撰写中英文餐牌文案，并到店拍摄最多 30 款菜式。同时设定 Google 商家档案，包括营业时间、相片及餐牌连结。首月完结后提供报告，分析订单、评分及餐牌调整建议。',
    },
    pricingModel: 'one_off',
    priceCents: 880_000, // HK$8,800
    deploymentDays: 21,
    features: [
      {
        name: { en: '20 extra dish photos', zhHK: '額外 20 款菜式拍攝', zhCN: '额外 20 款菜式拍摄' },
        pricingModel: 'one_off',
        priceCents: 150_000,
      },
      {
        name: { en: 'Monthly platform promotion management', zhHK: '每月平台優惠活動管理', zhCN: '每月平台优惠活动管理' },
        pricingModel: 'monthly',
        priceCents: 80_000,
      },
    ],
  },
  {
    vendorKey: 'dimsumdigital',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Regulars Club Loyalty', zhHK: '熟客會員積分計劃', zhCN: '熟客会员积分计划' },
    description: {
      en: 'A points and e-coupon system for small restaurants, where customers register by WhatsApp and show a QR code when paying. Staff add points on a tablet in seconds, and the owner can send a coupon to customers who have not visited for a while in a few taps. Includes one year of hosting and a tablet stand for the counter.',
      zhHK: '適合小型餐廳的積分及電子優惠券系統，客人經 WhatsApp 登記，付款時出示 QR Code 即可。店員用平板電腦幾秒完成加分，店主亦可一按向久未光顧的客人發送優惠券。已包括一年系統寄存服務及櫃面平板電腦座。',
      zhCN: '适合小型餐厅的积分及电子优惠券系统，客人经 WhatsApp 登记，付款时出示 QR Code 即可。店员用平板电脑几秒完成加分，店主亦可一按向久未光顾的客人发送优惠券。已包括一年系统寄存服务及柜面平板电脑座。',
    },
    pricingModel: 'one_off',
    priceCents: 680_000, // HK$6,800
    deploymentDays: 14,
    features: [
      {
        name: { en: 'WhatsApp broadcast', zhHK: 'WhatsApp 群發訊息', zhCN: 'WhatsApp 群发讯息' },
        pricingModel: 'monthly',
        priceCents: 20_000,
      },
    ],
  },

  // ── Lion Rock Tech Ltd (covers all six category/sector pairs) ───────────────────
  {
    vendorKey: 'lionrock',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: {
      en: 'Restaurant Cloud POS Pro (Multi-zone)',
      zhHK: '雲端餐廳收銀系統專業版（多區域）',
      zhCN: '云端餐厅收银系统专业版（多区域）',
    },
    description: {
      en: 'A full set-up for large restaurants and banquet halls: four counter POS terminals, six handheld ordering devices, two kitchen display screens and a self-ordering kiosk. Accepts Octopus, FPS, AlipayHK, WeChat Pay HK, PayMe, Visa, Mastercard, UnionPay, Apple Pay and Google Pay, with split bills and banquet deposits. Includes network cabling, menu and floor-plan set-up, three on-site training days and 24 months of support.',
      zhHK: '為大型酒樓及宴會廳而設的完整方案：四部櫃面收銀機、六部手提落單機、兩部廚房顯示屏及一部自助點餐機。支援八達通、轉數快、支付寶香港、微信支付香港、PayMe、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay，可分單及收取宴會訂金。已包括網絡佈線、餐牌及枱位圖設定、三日上門培訓及 24 個月技術支援。',
      zhCN: '为大型酒楼及宴会厅而设的完整方案：四部柜面收银机、六部手提落单机、两部厨房显示屏及一部自助点餐机。支援八达通、转数快、支付宝香港、微信支付香港、PayMe、Visa、Mastercard、银联、Apple Pay 及 Google Pay，可分单及收取宴会订金。已包括网络布线、餐牌及台位图设定、三日上门培训及 24 个月技术支援。',
    },
    pricingModel: 'one_off',
    priceCents: 9_880_000, // HK$98,800 — close to the HK$100,000 ceiling
    deploymentDays: 90,
    features: [],
  },
  {
    vendorKey: 'lionrock',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Retail Cloud POS for Chain Shops', zhHK: '連鎖零售雲端收銀系統', zhCN: '连锁零售云端收银系统' },
    description: {
      en: 'Cloud POS for shops with two or three branches: each branch rents one counter terminal, while head office manages products, prices and stock transfers centrally. Takes Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard, UnionPay, Apple Pay and Google Pay. The monthly fee covers hardware rental, software updates and next-day on-site repair.',
      zhHK: '適合兩至三間分店的雲端收銀系統，每間分店租用一部櫃面收銀機，總部統一管理貨品、價錢及分店調貨。支援八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay。月費包括硬件租用、軟件更新及翌日上門維修。',
      zhCN: '适合两至三间分店的云端收银系统，每间分店租用一部柜面收银机，总部统一管理货品、价钱及分店调货。支援八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard、银联、Apple Pay 及 Google Pay。月费包括硬件租用、软件更新及翌日上门维修。',
    },
    pricingModel: 'monthly',
    priceCents: 298_000, // HK$2,980 / month
    deploymentDays: 30,
    features: [
      { name: { en: 'Additional branch', zhHK: '額外分店', zhCN: '额外分店' }, pricingModel: 'monthly', priceCents: 88_000 },
      {
        name: { en: 'Membership system integration', zhHK: '會員系統連接', zhCN: '会员系统连接' },
        pricingModel: 'one_off',
        priceCents: 350_000,
      },
    ],
  },
  {
    vendorKey: 'lionrock',
    category: 'online_promotion',
    sector: 'fnb',
    name: { en: 'Restaurant Social Media Six-Month Package', zhHK: '餐廳社交媒體六個月推廣套餐', zhCN: '餐厅社交媒体六个月推广套餐' },
    description: {
      en: 'Six months of Facebook and Instagram management for a restaurant: 12 posts and 4 short videos a month, plus replies to messages during office hours. Includes a one-day food and interior photo shoot and HK$6,000 of ad spend managed on your behalf. A monthly report shows reach, follower growth and bookings from social media.',
      zhHK: '代為管理餐廳 Facebook 及 Instagram 六個月，每月 12 個帖文及 4 條短片，並於辦公時間內回覆查詢訊息。包括一日食物及店內環境拍攝，以及代為管理 HK$6,000 廣告費。每月提供報告，列出接觸人數、追蹤者增長及經社交媒體帶來的訂座。',
      zhCN: '代为管理餐厅 Facebook 及 Instagram 六个月，每月 12 个帖文及 4 条短片，并于办公时间内回复查询讯息。包括一日食物及店内环境拍摄，以及代为管理 HK$6,000 广告费。每月提供报告，列出接触人数、追踪者增长及经社交媒体带来的订座。',
    },
    pricingModel: 'one_off',
    priceCents: 3_600_000, // HK$36,000
    deploymentDays: 180,
    features: [
      {
        name: { en: 'Extra 3 months of management', zhHK: '額外三個月代管', zhCN: '额外三个月代管' },
        pricingModel: 'one_off',
        priceCents: 1_500_000,
      },
      {
        name: { en: 'Food blogger tasting event', zhHK: '美食博客試食活動', zhCN: '美食博客试食活动' },
        pricingModel: 'one_off',
        priceCents: 800_000,
      },
    ],
  },
  {
    vendorKey: 'lionrock',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Online Shop Launch Package', zhHK: '網店建立及推廣套餐', zhCN: '网店建立及推广套餐' },
    description: {
      en: 'A bilingual online shop with up to 300 products, connected to FPS, PayMe, Visa, Mastercard, Apple Pay and Google Pay checkout and local courier pick-up points. Includes product photography for 50 items, basic search engine optimisation and a three-month Google and Facebook ad campaign. Staff get two training sessions on updating products and handling orders.',
      zhHK: '建立中英文網店，可上架最多 300 件貨品，結帳支援轉數快、PayMe、Visa、Mastercard、Apple Pay 及 Google Pay，並連接本地速遞自取點。包括 50 件貨品拍攝、基本搜尋引擎優化（SEO）及為期三個月的 Google 及 Facebook 廣告。另提供兩次培訓，教導員工更新貨品及處理訂單。',
      zhCN: '建立中英文网店，可上架最多 300 件货品，结账支援转数快、PayMe、Visa、Mastercard、Apple Pay 及 Google Pay，并连接本地速递自取点。包括 50 件货品拍摄、基本搜寻引擎优化（SEO）及为期三个月的 Google 及 Facebook 广告。另提供两次培训，教导员工更新货品及处理订单。',
    },
    pricingModel: 'one_off',
    priceCents: 4_800_000, // HK$48,000
    deploymentDays: 60,
    features: [
      {
        name: { en: '100 extra product photos', zhHK: '額外 100 件貨品拍攝', zhCN: '额外 100 件货品拍摄' },
        pricingModel: 'one_off',
        priceCents: 600_000,
      },
      {
        name: { en: 'Stock sync with shop POS', zhHK: '與門市收銀系統同步存貨', zhCN: '与门市收银系统同步存货' },
        pricingModel: 'monthly',
        priceCents: 30_000,
      },
    ],
  },
  {
    vendorKey: 'lionrock',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Restaurant Membership & Booking CRM', zhHK: '餐廳會員及訂座管理系統', zhCN: '餐厅会员及订座管理系统' },
    description: {
      en: 'Combines online table booking, a member database and points in one system, so regulars are recognised when they book or pay. The restaurant can send birthday offers and targeted e-coupons by SMS or WhatsApp, and track which campaigns bring customers back. Set-up, data import and staff training are included in the monthly fee.',
      zhHK: '將網上訂座、會員資料庫及積分整合於同一系統，熟客訂座或埋單時即時辨認。餐廳可經短訊或 WhatsApp 發送生日優惠及特定電子優惠券，並追蹤哪個推廣帶回最多客人。月費已包括系統設定、資料匯入及員工培訓。',
      zhCN: '将网上订座、会员资料库及积分整合于同一系统，熟客订座或埋单时即时辨认。餐厅可经短讯或 WhatsApp 发送生日优惠及特定电子优惠券，并追踪哪个推广带回最多客人。月费已包括系统设定、资料汇入及员工培训。',
    },
    pricingModel: 'monthly',
    priceCents: 128_000, // HK$1,280 / month
    deploymentDays: 30,
    features: [
      {
        name: { en: 'WhatsApp broadcast', zhHK: 'WhatsApp 群發訊息', zhCN: 'WhatsApp 群发讯息' },
        pricingModel: 'monthly',
        priceCents: 25_000,
      },
      {
        name: { en: 'Booking deposit collection', zhHK: '訂座按金收取', zhCN: '订座按金收取' },
        pricingModel: 'monthly',
        priceCents: 18_000,
      },
    ],
  },
  {
    vendorKey: 'lionrock',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Omnichannel Membership System', zhHK: '全渠道會員管理系統', zhCN: '全渠道会员管理系统' },
    description: {
      en: 'A membership system that links in-store POS sales and online shop orders to one customer profile, with tiers, points and member-only prices. Includes a branded member page customers add to their phone, e-coupons, and reports on repeat purchases and spending by tier. Delivery covers migration of existing member records, integration with the shop POS and three training sessions.',
      zhHK: '會員系統將門市收銀及網店訂單連接至同一客戶檔案，設有會員等級、積分及會員專享價。包括可加至手機主畫面的品牌會員頁、電子優惠券，以及回購率和各等級消費報告。交付內容包括轉移現有會員紀錄、連接店舖收銀系統及三次培訓。',
      zhCN: '会员系统将门市收银及网店订单连接至同一客户档案，设有会员等级、积分及会员专享价。包括可加至手机主画面的品牌会员页、电子优惠券，以及回购率和各等级消费报告。交付内容包括转移现有会员纪录、连接店铺收银系统及三次培训。',
    },
    pricingModel: 'one_off',
    priceCents: 5_800_000, // HK$58,000
    deploymentDays: 75,
    features: [
      {
        name: { en: 'Branded member app', zhHK: '品牌會員手機程式', zhCN: '品牌会员手机程式' },
        pricingModel: 'one_off',
        priceCents: 1_800_000,
      },
      {
        name: { en: 'Extra 12 months of support', zhHK: '額外 12 個月技術支援', zhCN: '额外 12 个月技术支援' },
        pricingModel: 'one_off',
        priceCents: 480_000,
      },
    ],
  },

  // ── Peak Commerce Systems Ltd ────────────────────────────────────────────────────
  {
    vendorKey: 'peakcommerce',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Flagship Store Retail Suite', zhHK: '旗艦店零售收銀套裝', zhCN: '旗舰店零售收银套装' },
    description: {
      en: 'Designed for large stores: three counter POS terminals, two mobile POS devices for floor staff, RFID-ready stock control and a link to the shop accounting software. Accepts Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard, UnionPay, Apple Pay and Google Pay, with receipts printed in English or Chinese. Includes network set-up, data migration, four on-site training days and 24 months of support.',
      zhHK: '為大型店舖設計：三部櫃面收銀機、兩部供店員使用的流動收銀機、可配合 RFID 的存貨管理，並連接店舖會計軟件。支援八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay，收據可以中英文列印。已包括網絡設定、資料轉移、四日上門培訓及 24 個月技術支援。',
      zhCN: '为大型店铺设计：三部柜面收银机、两部供店员使用的流动收银机、可配合 RFID 的存货管理，并连接店铺会计软件。支援八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard、银联、Apple Pay 及 Google Pay，收据可以中英文列印。已包括网络设定、资料转移、四日上门培训及 24 个月技术支援。',
    },
    pricingModel: 'one_off',
    priceCents: 9_980_000, // HK$99,800 — just under the HK$100,000 ceiling
    deploymentDays: 120,
    features: [],
  },
  {
    vendorKey: 'peakcommerce',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Cross-border Visitor Marketing Plan', zhHK: '旅客跨境推廣計劃', zhCN: '旅客跨境推广计划' },
    description: {
      en: 'Promotes your shop to Mainland visitors on Xiaohongshu, Dianping and WeChat, with a verified shop profile and monthly posts in Simplified Chinese. Each month includes eight posts, two short videos and a coupon campaign that customers redeem in store with AlipayHK or WeChat Pay HK. A monthly report tracks views, saves and coupon redemptions.',
      zhHK: '在小紅書、大眾點評及微信向內地旅客推廣店舖，包括認證店舖專頁及每月簡體中文帖文。每月提供八個帖文、兩條短片及一次優惠券活動，客人可在店內以支付寶香港或微信支付香港使用優惠。每月報告列出瀏覽、收藏及優惠券使用數字。',
      zhCN: '在小红书、大众点评及微信向内地旅客推广店铺，包括认证店铺专页及每月简体中文帖文。每月提供八个帖文、两条短片及一次优惠券活动，客人可在店内以支付宝香港或微信支付香港使用优惠。每月报告列出浏览、收藏及优惠券使用数字。',
    },
    pricingModel: 'monthly',
    priceCents: 220_000, // HK$2,200 / month
    deploymentDays: 45,
    features: [
      { name: { en: 'KOL store visit', zhHK: 'KOL 到店體驗', zhCN: 'KOL 到店体验' }, pricingModel: 'one_off', priceCents: 980_000 },
    ],
  },
  {
    vendorKey: 'peakcommerce',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'VIP Clienteling CRM', zhHK: '貴賓客戶關係管理系統', zhCN: '贵宾客户关系管理系统' },
    description: {
      en: 'A CRM for boutiques selling higher-value goods: staff keep notes on each VIP customer’s sizes, preferences and past purchases on a tablet and follow up by WhatsApp. Includes VIP tiers, private-sale invitations with RSVP and commission reports for sales staff. The package covers data migration, integration with the shop POS and on-site training for up to 15 staff.',
      zhHK: '專為售賣較高價貨品的精品店而設：店員可在平板電腦記錄每位貴賓的尺碼、喜好及購買紀錄，並透過 WhatsApp 跟進。設有貴賓等級、私人特賣會邀請及回覆登記，以及銷售員佣金報表。套餐包括資料轉移、連接店舖收銀系統及最多 15 名員工的上門培訓。',
      zhCN: '专为售卖较高价货品的精品店而设：店员可在平板电脑记录每位贵宾的尺码、喜好及购买纪录，并透过 WhatsApp 跟进。设有贵宾等级、私人特卖会邀请及回复登记，以及销售员佣金报表。套餐包括资料转移、连接店铺收银系统及最多 15 名员工的上门培训。',
    },
    pricingModel: 'one_off',
    priceCents: 7_800_000, // HK$78,000
    deploymentDays: 150,
    features: [
      {
        name: { en: 'Branded member app', zhHK: '品牌會員手機程式', zhCN: '品牌会员手机程式' },
        pricingModel: 'one_off',
        priceCents: 2_200_000,
      },
    ],
  },
  {
    vendorKey: 'peakcommerce',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Fine Dining Guest Book & Loyalty', zhHK: '高級餐廳賓客紀錄及會員系統', zhCN: '高级餐厅宾客纪录及会员系统' },
    description: {
      en: 'Keeps a profile for every guest with allergies, favourite tables, wine preferences and visit history, shared between the reservation desk and floor staff. Guests earn points or dining credit on each visit and receive invitations to wine dinners and seasonal menus. Includes integration with the restaurant POS, import of existing booking records and training for front-of-house staff.',
      zhHK: '為每位賓客建立檔案，記下過敏食物、心水枱位、飲酒喜好及到訪紀錄，訂座部與樓面員工共用。賓客每次光顧可賺取積分或餐飲額，並會收到品酒晚宴及季節菜單邀請。包括連接餐廳收銀系統、匯入現有訂座紀錄及樓面員工培訓。',
      zhCN: '为每位宾客建立档案，记下过敏食物、心水台位、饮酒喜好及到访纪录，订座部与楼面员工共用。宾客每次光顾可赚取积分或餐饮额，并会收到品酒晚宴及季节菜单邀请。包括连接餐厅收银系统、汇入现有订座纪录及楼面员工培训。',
    },
    pricingModel: 'one_off',
    priceCents: 4_600_000, // HK$46,000
    deploymentDays: 60,
    features: [
      {
        name: { en: 'Online booking with deposit', zhHK: '網上訂座連按金', zhCN: '网上订座连按金' },
        pricingModel: 'monthly',
        priceCents: 38_000,
      },
    ],
  },

  // ── Tea Time Loyalty Ltd ─────────────────────────────────────────────────────────
  {
    vendorKey: 'teatime',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Café Stamp & Points Card', zhHK: '咖啡店印花及積分卡', zhCN: '咖啡店印花及积分卡' },
    description: {
      en: 'A digital stamp card and points scheme for cafés and bubble tea shops, used by scanning a QR code at the counter. Owners can run second-cup-half-price or buy-ten-get-one-free offers and see which offers bring customers back. Set-up takes about two weeks and includes printed QR code stands and a short staff guide.',
      zhHK: '適合咖啡店及手搖飲品店的電子印花及積分計劃，客人在櫃面掃 QR Code 即可使用。店主可推出第二杯半價、買十送一等優惠，並查看哪些優惠最能吸引客人回頭。約兩星期完成設定，並附印刷 QR Code 座牌及員工簡易指南。',
      zhCN: '适合咖啡店及手摇饮品店的电子印花及积分计划，客人在柜面扫 QR Code 即可使用。店主可推出第二杯半价、买十送一等优惠，并查看哪些优惠最能吸引客人回头。约两星期完成设定，并附印刷 QR Code 座牌及员工简易指南。',
    },
    pricingModel: 'monthly',
    priceCents: 36_000, // HK$360 / month
    deploymentDays: 14,
    features: [
      { name: { en: 'E-coupon module', zhHK: '電子優惠券模組', zhCN: '电子优惠券模组' }, pricingModel: 'monthly', priceCents: 10_000 },
    ],
  },
  {
    vendorKey: 'teatime',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Shop Member Points & E-coupons', zhHK: '店舖會員積分及電子優惠券', zhCN: '店铺会员积分及电子优惠券' },
    description: {
      en: 'Lets small retail shops sign up members with a phone number, give points on each purchase and issue e-coupons that are redeemed at the counter. Members see their points balance on a web page without installing an app, and the owner gets a simple weekly report.',
      zhHK: '小型零售店可用手機號碼登記會員，每次購物給予積分，並發出可在櫃面使用的電子優惠券。會員毋須安裝程式，於網頁即可查看積分結餘，店主每星期收到簡單報告。',
      zhCN: '小型零售店可用手机号码登记会员，每次购物给予积分，并发出可在柜面使用的电子优惠券。会员毋须安装程式，于网页即可查看积分结余，店主每星期收到简单报告。',
    },
    pricingModel: 'monthly',
    priceCents: 42_000, // HK$420 / month
    deploymentDays: 14,
    features: [
      {
        name: {
          en: 'WhatsApp broadcast (1,000 messages a month)',
          zhHK: 'WhatsApp 群發訊息（每月 1,000 條）',
          zhCN: 'WhatsApp 群发讯息（每月 1,000 条）',
        },
        pricingModel: 'monthly',
        priceCents: 20_000,
      },
    ],
  },
  {
    vendorKey: 'teatime',
    category: 'online_promotion',
    sector: 'fnb',
    name: { en: 'Instagram Starter for Cafés', zhHK: '咖啡店 Instagram 入門推廣', zhCN: '咖啡店 Instagram 入门推广' },
    description: {
      en: 'Sets up or refreshes your Instagram and Facebook pages with a new profile, highlight covers and a first batch of 15 posts from a half-day photo shoot. We also claim and complete your Google Business profile and your listings on restaurant guide websites. Owners get a one-hour coaching session on taking photos and writing posts themselves.',
      zhHK: '為咖啡店建立或更新 Instagram 及 Facebook 專頁，包括個人簡介、精選動態封面，以及半日拍攝後製作的首批 15 個帖文。同時認領及完善 Google 商家檔案和飲食指南網站上的店舖資料。店主可獲一小時教學，學習自行拍照及撰寫帖文。',
      zhCN: '为咖啡店建立或更新 Instagram 及 Facebook 专页，包括个人简介、精选动态封面，以及半日拍摄后制作的首批 15 个帖文。同时认领及完善 Google 商家档案和饮食指南网站上的店铺资料。店主可获一小时教学，学习自行拍照及撰写帖文。',
    },
    pricingModel: 'one_off',
    priceCents: 1_280_000, // HK$12,800
    deploymentDays: 30,
    features: [
      {
        name: { en: 'Extra month of posting', zhHK: '額外一個月帖文代管', zhCN: '额外一个月帖文代管' },
        pricingModel: 'one_off',
        priceCents: 280_000,
      },
    ],
  },

  // ── Pier Seven Digital Ltd ───────────────────────────────────────────────────────
  {
    vendorKey: 'pierseven',
    category: 'online_promotion',
    sector: 'fnb',
    name: { en: 'Restaurant Social Media Management', zhHK: '餐廳社交媒體代管', zhCN: '餐厅社交媒体代管' },
    description: {
      en: 'Monthly management of Facebook and Instagram for restaurants, with ten designed posts, four Stories and one short video each month. Includes HK$500 of ad spend a month targeted at people within three kilometres of the shop, and replies to comments within one working day.',
      zhHK: '按月代管餐廳 Facebook 及 Instagram，每月十個設計帖文、四個限時動態及一條短片。包括每月 HK$500 廣告費，針對店舖三公里範圍內的人士投放，並於一個工作天內回覆留言。',
      zhCN: '按月代管餐厅 Facebook 及 Instagram，每月十个设计帖文、四个限时动态及一条短片。包括每月 HK$500 广告费，针对店铺三公里范围内的人士投放，并于一个工作天内回复留言。',
    },
    pricingModel: 'monthly',
    priceCents: 168_000, // HK$1,680 / month
    deploymentDays: 14,
    features: [
      {
        name: { en: 'Extra short video each month', zhHK: '每月額外短片', zhCN: '每月额外短片' },
        pricingModel: 'monthly',
        priceCents: 60_000,
      },
      {
        name: { en: 'Google Business profile setup', zhHK: 'Google 商家檔案設定', zhCN: 'Google 商家档案设定' },
        pricingModel: 'one_off',
        priceCents: 120_000,
      },
    ],
  },
  {
    vendorKey: 'pierseven',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Retail Social Media & Ads Management', zhHK: '零售店社交媒體及廣告代管', zhCN: '零售店社交媒体及广告代管' },
    description: {
      en: 'For retail shops: monthly Facebook and Instagram management with 12 product posts, one short video and a shoppable catalogue linked to your online store or WhatsApp. HK$800 of ad spend per month is included, with campaigns around festivals such as Chinese New Year and Christmas. A monthly report compares ad spend with enquiries and sales.',
      zhHK: '專為零售店而設：按月代管 Facebook 及 Instagram，每月 12 個產品帖文、一條短片，並設立連接網店或 WhatsApp 的產品目錄。每月包括 HK$800 廣告費，並於農曆新年、聖誕等節日推出推廣活動。每月報告比較廣告費與查詢及銷售數字。',
      zhCN: '专为零售店而设：按月代管 Facebook 及 Instagram，每月 12 个产品帖文、一条短片，并设立连接网店或 WhatsApp 的产品目录。每月包括 HK$800 广告费，并于农历新年、圣诞等节日推出推广活动。每月报告比较广告费与查询及销售数字。',
    },
    pricingModel: 'monthly',
    priceCents: 198_000, // HK$1,980 / month
    deploymentDays: 14,
    features: [
      {
        name: { en: 'WhatsApp Business catalogue setup', zhHK: 'WhatsApp Business 產品目錄設定', zhCN: 'WhatsApp Business 产品目录设定' },
        pricingModel: 'one_off',
        priceCents: 150_000,
      },
    ],
  },

  // ── Neon Sign Media Ltd ──────────────────────────────────────────────────────────
  {
    vendorKey: 'neonsign',
    category: 'online_promotion',
    sector: 'fnb',
    name: { en: 'Short Video Promotion Package', zhHK: '短片推廣套餐', zhCN: '短片推广套餐' },
    description: {
      en: 'Produces eight vertical short videos for Instagram Reels, Facebook and YouTube Shorts, filmed in your restaurant over two shooting days. Each video has a Cantonese voice-over with Chinese and English subtitles. The package includes HK$5,000 of boosted-post spend and a results report after six weeks.',
      zhHK: '拍攝八條直度短片，供 Instagram Reels、Facebook 及 YouTube Shorts 使用，兩日到餐廳實地拍攝。每條短片均有廣東話旁白及中英文字幕。套餐包括 HK$5,000 帖文推廣費用，六星期後提供成效報告。',
      zhCN: '拍摄八条直度短片，供 Instagram Reels、Facebook 及 YouTube Shorts 使用，两日到餐厅实地拍摄。每条短片均有广东话旁白及中英文字幕。套餐包括 HK$5,000 帖文推广费用，六星期后提供成效报告。',
    },
    pricingModel: 'one_off',
    priceCents: 2_280_000, // HK$22,800
    deploymentDays: 45,
    features: [
      { name: { en: 'Four extra short videos', zhHK: '額外四條短片', zhCN: '额外四条短片' }, pricingModel: 'one_off', priceCents: 980_000 },
    ],
  },
  {
    vendorKey: 'neonsign',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Shop Launch Campaign', zhHK: '新店開幕網上推廣', zhCN: '新店开幕网上推广' },
    description: {
      en: 'A four-week online campaign for a new or relocated shop: a launch video, six social media posts and a targeted Facebook and Instagram ad campaign. Includes set-up of your Google Business profile and a WhatsApp Business account with quick replies. An opening-offer e-coupon is designed and tracked so you can see how many visitors it brought in.',
      zhHK: '為新開或搬遷的店舖進行四星期網上推廣，包括開幕短片、六個社交媒體帖文及 Facebook 和 Instagram 精準廣告。同時設定 Google 商家檔案及 WhatsApp Business 帳戶和快速回覆。另設計開幕優惠電子券並追蹤使用情況，讓店主知道帶來多少人流。',
      zhCN: '为新开或搬迁的店铺进行四星期网上推广，包括开幕短片、六个社交媒体帖文及 Facebook 和 Instagram 精准广告。同时设定 Google 商家档案及 WhatsApp Business 账户和快速回复。另设计开幕优惠电子券并追踪使用情况，让店主知道带来多少人流。',
    },
    pricingModel: 'one_off',
    priceCents: 1_680_000, // HK$16,800
    deploymentDays: 30,
    features: [
      {
        name: { en: 'Two more weeks of ads', zhHK: '廣告延長兩星期', zhCN: '广告延长两星期' },
        pricingModel: 'one_off',
        priceCents: 380_000,
      },
    ],
  },
  {
    vendorKey: 'neonsign',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'WhatsApp Customer Club & Coupons', zhHK: 'WhatsApp 熟客會及優惠券系統', zhCN: 'WhatsApp 熟客会及优惠券系统' },
    description: {
      en: 'Turns your WhatsApp Business number into a customer club: customers opt in with a QR code at the counter and receive new arrivals and members-only coupons. Staff redeem coupons by scanning them with a phone, and the dashboard shows which customers buy again. Includes sign-up posters, message templates and one training session.',
      zhHK: '將店舖的 WhatsApp Business 號碼變成熟客會：客人在櫃面掃 QR Code 加入，即可收到新貨消息及會員專享優惠券。店員用手機掃描即可核銷優惠券，後台顯示哪些客人再次光顧。包括登記海報、訊息範本及一次培訓。',
      zhCN: '将店铺的 WhatsApp Business 号码变成熟客会：客人在柜面扫 QR Code 加入，即可收到新货消息及会员专享优惠券。店员用手机扫描即可核销优惠券，后台显示哪些客人再次光顾。包括登记海报、讯息范本及一次培训。',
    },
    pricingModel: 'one_off',
    priceCents: 980_000, // HK$9,800
    deploymentDays: 30,
    features: [
      {
        name: {
          en: 'WhatsApp broadcast (2,000 messages a month)',
          zhHK: 'WhatsApp 群發訊息（每月 2,000 條）',
          zhCN: 'WhatsApp 群发讯息（每月 2,000 条）',
        },
        pricingModel: 'monthly',
        priceCents: 35_000,
      },
    ],
  },

  // ── Junk Bay Cloud Ltd ───────────────────────────────────────────────────────────
  {
    vendorKey: 'junkbaycloud',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Cloud POS for Restaurants', zhHK: '餐廳雲端收銀系統', zhCN: '餐厅云端收银系统' },
    description: {
      en: 'A tablet-based restaurant POS on monthly rental with a receipt printer, kitchen printer and a card terminal for Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard and UnionPay. Table plans, split bills, the 10% service charge and daily sales reports are built in. The fee includes hardware, cloud backup and a hotline until midnight for late-night eateries.',
      zhHK: '以平板電腦運作的餐廳收銀系統，按月租用收據打印機、廚房打印機及可收八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard 和銀聯的終端機。內置枱位圖、分單、加一服務費及每日銷售報表。月費包括硬件、雲端備份，以及服務至凌晨的熱線，適合宵夜食肆。',
      zhCN: '以平板电脑运作的餐厅收银系统，按月租用收据打印机、厨房打印机及可收八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard 和银联的终端机。内置台位图、分单、加一服务费及每日销售报表。月费包括硬件、云端备份，以及服务至凌晨的热线，适合宵夜食肆。',
    },
    pricingModel: 'monthly',
    priceCents: 88_000, // HK$880 / month
    deploymentDays: 21,
    features: [
      {
        name: { en: 'QR code table self-ordering', zhHK: 'QR Code 枱面自助點餐', zhCN: 'QR Code 台面自助点餐' },
        pricingModel: 'monthly',
        priceCents: 25_000,
      },
      { name: { en: 'Kitchen display screen', zhHK: '廚房顯示屏', zhCN: '厨房显示屏' }, pricingModel: 'one_off', priceCents: 520_000 },
    ],
  },
  {
    vendorKey: 'junkbaycloud',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Cloud POS for Retail Shops', zhHK: '零售店雲端收銀系統', zhCN: '零售店云端收银系统' },
    description: {
      en: 'Monthly-rental POS for retail with a barcode scanner, receipt printer and a card terminal that accepts Octopus, FPS, PayMe, Visa, Mastercard, UnionPay, Apple Pay and Google Pay. Stock levels, best sellers and staff sales are shown on a phone app, with low-stock alerts by email. The fee includes hardware rental, cloud backup and remote training.',
      zhHK: '零售店適用的月租收銀系統，包括條碼掃描器、收據打印機，以及可收八達通、轉數快、PayMe、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay 的終端機。手機程式顯示存貨量、暢銷貨品及員工銷售額，存貨不足時以電郵提示。月費包括硬件租用、雲端備份及遙距培訓。',
      zhCN: '零售店适用的月租收银系统，包括条码扫描器、收据打印机，以及可收八达通、转数快、PayMe、Visa、Mastercard、银联、Apple Pay 及 Google Pay 的终端机。手机程式显示存货量、畅销货品及员工销售额，存货不足时以电邮提示。月费包括硬件租用、云端备份及遥距培训。',
    },
    pricingModel: 'monthly',
    priceCents: 78_000, // HK$780 / month
    deploymentDays: 21,
    features: [
      { name: { en: 'Online shop stock sync', zhHK: '網店存貨同步', zhCN: '网店存货同步' }, pricingModel: 'monthly', priceCents: 25_000 },
      { name: { en: 'Price label printer', zhHK: '價錢標籤打印機', zhCN: '价钱标签打印机' }, pricingModel: 'one_off', priceCents: 190_000 },
    ],
  },
  {
    vendorKey: 'junkbaycloud',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Google Business & Maps Starter', zhHK: 'Google 商家檔案及地圖入門', zhCN: 'Google 商家档案及地图入门' },
    description: {
      en: 'Claims and verifies your Google Business profile, adds opening hours, photos, products and a WhatsApp contact button, and fixes your location pin on Google Maps. We also make a review QR code card for your counter and show you how to reply to reviews.',
      zhHK: '代為認領及驗證 Google 商家檔案，加入營業時間、相片、產品及 WhatsApp 聯絡按鈕，並修正 Google 地圖上的店舖位置。另製作櫃面評價 QR Code 卡，並教授回覆評價的方法。',
      zhCN: '代为认领及验证 Google 商家档案，加入营业时间、相片、产品及 WhatsApp 联络按钮，并修正 Google 地图上的店铺位置。另制作柜面评价 QR Code 卡，并教授回复评价的方法。',
    },
    pricingModel: 'one_off',
    priceCents: 600_000, // HK$6,000
    deploymentDays: 7,
    features: [],
  },
  {
    vendorKey: 'junkbaycloud',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Restaurant E-coupon & Points', zhHK: '餐廳電子優惠券及積分', zhCN: '餐厅电子优惠券及积分' },
    description: {
      en: 'Integrated with the Junk Bay Cloud POS, customers earn points automatically when they pay by giving a phone number or showing a member QR code. Owners can create e-coupons for quiet hours, such as afternoon tea discounts, and push them to members by WhatsApp. Set-up and a one-hour online training session are included.',
      zhHK: '與將軍澳雲端收銀系統整合，客人付款時報手機號碼或出示會員 QR Code 即自動累積積分。店主可為淡市時段設定電子優惠券，例如下午茶折扣，並以 WhatsApp 發送給會員。已包括設定及一小時網上培訓。',
      zhCN: '与将军澳云端收银系统整合，客人付款时报手机号码或出示会员 QR Code 即自动累积积分。店主可为淡市时段设定电子优惠券，例如下午茶折扣，并以 WhatsApp 发送给会员。已包括设定及一小时网上培训。',
    },
    pricingModel: 'monthly',
    priceCents: 58_000, // HK$580 / month
    deploymentDays: 21,
    features: [
      {
        name: { en: 'WhatsApp broadcast', zhHK: 'WhatsApp 群發訊息', zhCN: 'WhatsApp 群发讯息' },
        pricingModel: 'monthly',
        priceCents: 20_000,
      },
    ],
  },

  // ── Ding Ding POS Ltd ────────────────────────────────────────────────────────────
  {
    vendorKey: 'dingding',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Takeaway Kiosk POS Lite', zhHK: '外賣小店收銀機輕便版', zhCN: '外卖小店收银机轻便版' },
    description: {
      en: 'An entry-level package for takeaway shops and food kiosks: one Android POS with built-in printer and a portable card reader. Accepts Octopus, FPS, PayMe, AlipayHK, WeChat Pay HK, Visa and Mastercard, and prints order numbers for pick-up. Includes menu set-up and a one-hour training session at the shop.',
      zhHK: '專為外賣店及小食亭而設的入門套裝：一部內置打印機的 Android 收銀機及一部便攜讀卡器。支援八達通、轉數快、PayMe、支付寶香港、微信支付香港、Visa 及 Mastercard，並可列印取餐號碼。已包括餐牌設定及一小時到店培訓。',
      zhCN: '专为外卖店及小食亭而设的入门套装：一部内置打印机的 Android 收银机及一部便携读卡器。支援八达通、转数快、PayMe、支付宝香港、微信支付香港、Visa 及 Mastercard，并可列印取餐号码。已包括餐牌设定及一小时到店培训。',
    },
    pricingModel: 'one_off',
    priceCents: 800_000, // HK$8,000
    deploymentDays: 7,
    features: [
      {
        name: { en: 'Pick-up number display', zhHK: '取餐號碼顯示屏', zhCN: '取餐号码显示屏' },
        pricingModel: 'one_off',
        priceCents: 280_000,
      },
      {
        name: { en: 'Extra 12 months of support', zhHK: '額外 12 個月技術支援', zhCN: '额外 12 个月技术支援' },
        pricingModel: 'one_off',
        priceCents: 120_000,
      },
    ],
  },
  {
    vendorKey: 'dingding',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Small Shop POS Starter', zhHK: '小店收銀入門套裝', zhCN: '小店收银入门套装' },
    description: {
      en: 'For small shops and market stalls: one POS tablet with stand, a barcode scanner, a receipt printer and a portable card reader for Octopus, FPS, PayMe, Visa, Mastercard and UnionPay. Daily sales totals are sent to the owner by phone, and products can be added by scanning their barcode. Includes loading up to 500 products and one training session.',
      zhHK: '適合小店及街市檔口：一部連支架的收銀平板電腦、條碼掃描器、收據打印機，以及可收八達通、轉數快、PayMe、Visa、Mastercard 和銀聯的便攜讀卡器。每日營業額自動傳送至店主手機，掃描條碼即可新增貨品。已包括代為輸入最多 500 件貨品及一次培訓。',
      zhCN: '适合小店及街市档口：一部连支架的收银平板电脑、条码扫描器、收据打印机，以及可收八达通、转数快、PayMe、Visa、Mastercard 和银联的便携读卡器。每日营业额自动传送至店主手机，扫描条码即可新增货品。已包括代为输入最多 500 件货品及一次培训。',
    },
    pricingModel: 'one_off',
    priceCents: 980_000, // HK$9,800
    deploymentDays: 7,
    features: [
      { name: { en: 'Cash drawer', zhHK: '錢箱', zhCN: '钱箱' }, pricingModel: 'one_off', priceCents: 68_000 },
      { name: { en: 'Low-stock alert module', zhHK: '存貨提示模組', zhCN: '存货提示模组' }, pricingModel: 'monthly', priceCents: 8_000 },
    ],
  },

  // ── Kaifong Connect Ltd ──────────────────────────────────────────────────────────
  {
    vendorKey: 'kaifong',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Neighbourhood Stamp Card', zhHK: '街坊電子印花卡', zhCN: '街坊电子印花卡' },
    description: {
      en: 'A simple digital stamp card for noodle shops, bakeries and snack stalls: customers scan a QR code at the counter to collect stamps, with no app needed. The owner sets the reward and gets a monthly summary of repeat customers.',
      zhHK: '適合麵店、餅店及小食檔的簡易電子印花卡：客人在櫃面掃 QR Code 儲印花，毋須下載程式。店主自訂獎賞，每月收到回頭客人數摘要。',
      zhCN: '适合面店、饼店及小食档的简易电子印花卡：客人在柜面扫 QR Code 储印花，毋须下载程式。店主自订奖赏，每月收到回头客人数摘要。',
    },
    pricingModel: 'one_off',
    priceCents: 500_000, // HK$5,000
    deploymentDays: 7,
    features: [],
  },
  {
    vendorKey: 'kaifong',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Kaifong Member Points', zhHK: '街坊會員積分系統', zhCN: '街坊会员积分系统' },
    description: {
      en: 'A membership and points system for neighbourhood shops such as pharmacies, stationers and grocery stores. Members register with a phone number, earn points at checkout and receive an e-coupon in their birthday month. Includes a counter tablet, printed sign-up posters and two training sessions.',
      zhHK: '適合藥房、文具店及雜貨店等街坊小店的會員及積分系統。會員以手機號碼登記，結帳時累積積分，生日當月收到電子優惠券。已包括櫃面平板電腦、登記海報及兩次培訓。',
      zhCN: '适合药房、文具店及杂货店等街坊小店的会员及积分系统。会员以手机号码登记，结账时累积积分，生日当月收到电子优惠券。已包括柜面平板电脑、登记海报及两次培训。',
    },
    pricingModel: 'one_off',
    priceCents: 1_200_000, // HK$12,000
    deploymentDays: 14,
    features: [
      { name: { en: 'SMS birthday greetings', zhHK: '生日短訊祝賀', zhCN: '生日短讯祝贺' }, pricingModel: 'monthly', priceCents: 8_000 },
      {
        name: { en: 'Extra counter tablet', zhHK: '額外櫃面平板電腦', zhCN: '额外柜面平板电脑' },
        pricingModel: 'one_off',
        priceCents: 260_000,
      },
    ],
  },
  {
    vendorKey: 'kaifong',
    category: 'online_promotion',
    sector: 'fnb',
    name: {
      en: 'Neighbourhood WhatsApp & Facebook Promotion',
      zhHK: '街坊 WhatsApp 及 Facebook 推廣',
      zhCN: '街坊 WhatsApp 及 Facebook 推广',
    },
    description: {
      en: 'Monthly promotion for neighbourhood restaurants: eight Facebook posts, a weekly WhatsApp broadcast of daily specials to opted-in customers and updates to your Google Business profile. Photos of new dishes are taken on a monthly shop visit.',
      zhHK: '為街坊食肆而設的按月推廣：每月八個 Facebook 帖文、每星期以 WhatsApp 向已登記客人發送是日精選，並更新 Google 商家檔案。每月到店一次拍攝新菜式相片。',
      zhCN: '为街坊食肆而设的按月推广：每月八个 Facebook 帖文、每星期以 WhatsApp 向已登记客人发送是日精选，并更新 Google 商家档案。每月到店一次拍摄新菜式相片。',
    },
    pricingModel: 'monthly',
    priceCents: 98_000, // HK$980 / month
    deploymentDays: 14,
    features: [
      {
        name: { en: 'Google Business profile setup', zhHK: 'Google 商家檔案設定', zhCN: 'Google 商家档案设定' },
        pricingModel: 'one_off',
        priceCents: 100_000,
      },
    ],
  },
  {
    vendorKey: 'kaifong',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Shop Online Presence Starter', zhHK: '小店網上曝光入門套餐', zhCN: '小店网上曝光入门套餐' },
    description: {
      en: 'Builds a one-page bilingual website for your shop with opening hours, product highlights, a map and a WhatsApp ordering button. Also includes Google Business profile set-up, a Facebook page refresh and one month of local Facebook ads.',
      zhHK: '為店舖建立中英文單頁網站，包括營業時間、精選產品、地圖及 WhatsApp 訂購按鈕。另包括 Google 商家檔案設定、更新 Facebook 專頁及一個月本區 Facebook 廣告。',
      zhCN: '为店铺建立中英文单页网站，包括营业时间、精选产品、地图及 WhatsApp 订购按钮。另包括 Google 商家档案设定、更新 Facebook 专页及一个月本区 Facebook 广告。',
    },
    pricingModel: 'one_off',
    priceCents: 1_500_000, // HK$15,000
    deploymentDays: 30,
    features: [
      {
        name: { en: 'Domain and hosting, extra year', zhHK: '網域及寄存額外一年', zhCN: '网域及寄存额外一年' },
        pricingModel: 'one_off',
        priceCents: 120_000,
      },
    ],
  },

  // ── Lantau Digital Ltd ───────────────────────────────────────────────────────────
  {
    vendorKey: 'lantau',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Island Café 4G POS', zhHK: '離島食肆 4G 收銀系統', zhCN: '离岛食肆 4G 收银系统' },
    description: {
      en: 'A rugged POS for cafés and seafood restaurants on the outlying islands and near country parks, with a 4G router and an offline mode that keeps taking orders when the signal drops. Accepts Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard, UnionPay, Apple Pay and Google Pay, with menus and receipts in Chinese, English and Japanese. The monthly fee covers hardware rental, mobile data and on-site repair, ferry trips included.',
      zhHK: '專為離島及郊野公園一帶的咖啡店和海鮮酒家而設的耐用收銀系統，配備 4G 路由器及離線模式，訊號中斷時仍可繼續落單。支援八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay，餐牌及收據備有中、英、日文版本。月費已包括硬件租用、流動數據及上門維修，連船程交通費在內。',
      zhCN: '专为离岛及郊野公园一带的咖啡店和海鲜酒家而设的耐用收银系统，配备 4G 路由器及离线模式，讯号中断时仍可继续落单。支援八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard、银联、Apple Pay 及 Google Pay，餐牌及收据备有中、英、日文版本。月费已包括硬件租用、流动数据及上门维修，连船程交通费在内。',
    },
    pricingModel: 'monthly',
    priceCents: 168_000, // HK$1,680 / month
    deploymentDays: 30,
    features: [
      {
        name: { en: 'Extra handheld ordering device', zhHK: '額外手提落單機', zhCN: '额外手提落单机' },
        pricingModel: 'monthly',
        priceCents: 28_000,
      },
    ],
    // On-site repair by ferry: the outlying islands and the country-park side of the New Territories only.
    attributes: { supportDistricts: ['islands', 'sai_kung', 'tsuen_wan', 'tuen_mun'], maxOutlets: 3 },
  },
  {
    vendorKey: 'lantau',
    category: 'online_promotion',
    sector: 'fnb',
    name: { en: 'Visitor-facing Restaurant Promotion', zhHK: '旅客食肆推廣套餐', zhCN: '旅客食肆推广套餐' },
    description: {
      en: 'Helps island and waterfront restaurants reach day-trippers and tourists, setting up Google Business, travel review site listings and Xiaohongshu posts in three languages. Includes a half-day photo and video shoot, a trilingual online menu opened from a QR code and six weeks of social media ads timed for weekends and public holidays.',
      zhHK: '協助離島及海濱食肆接觸一日遊人士及旅客，以三種語言設定 Google 商家檔案、旅遊評論網站資料及小紅書帖文。包括半日相片及短片拍攝、以 QR Code 連結的三語網上餐牌，以及針對週末和公眾假期投放的六星期社交媒體廣告。',
      zhCN: '协助离岛及海滨食肆接触一日游人士及旅客，以三种语言设定 Google 商家档案、旅游评论网站资料及小红书帖文。包括半日相片及短片拍摄、以 QR Code 连结的三语网上餐牌，以及针对周末和公众假期投放的六星期社交媒体广告。',
    },
    pricingModel: 'one_off',
    priceCents: 1_880_000, // HK$18,800
    deploymentDays: 45,
    features: [
      {
        name: { en: 'Japanese and Korean menu translation', zhHK: '日文及韓文餐牌翻譯', zhCN: '日文及韩文餐牌翻译' },
        pricingModel: 'one_off',
        priceCents: 180_000,
      },
    ],
  },

  // ── Shing Mun Smart Retail Ltd ───────────────────────────────────────────────────
  {
    vendorKey: 'shingmun',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Smart Retail POS with Self-checkout', zhHK: '智能零售收銀連自助結帳機', zhCN: '智能零售收银连自助结账机' },
    description: {
      en: 'Two counter POS terminals plus one self-checkout kiosk for supermarkets, bakeries and convenience-style shops, with barcode scanning and weighing-scale support. The self-checkout accepts Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard, UnionPay, Apple Pay and Google Pay, while the counters also take cash. Includes stock management, installation and three on-site training sessions.',
      zhHK: '兩部櫃面收銀機加一部自助結帳機，適合超市、餅店及便利店式店舖，支援條碼掃描及電子磅。自助結帳機接受八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay，櫃面亦可收現金。已包括存貨管理、安裝及三次上門培訓。',
      zhCN: '两部柜面收银机加一部自助结账机，适合超市、饼店及便利店式店铺，支援条码扫描及电子磅。自助结账机接受八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard、银联、Apple Pay 及 Google Pay，柜面亦可收现金。已包括存货管理、安装及三次上门培训。',
    },
    pricingModel: 'one_off',
    priceCents: 5_680_000, // HK$56,800
    deploymentDays: 45,
    features: [
      {
        name: { en: 'Extra self-checkout kiosk', zhHK: '額外自助結帳機', zhCN: '额外自助结账机' },
        pricingModel: 'one_off',
        priceCents: 2_380_000,
      },
      {
        name: { en: 'Electronic shelf labels (50 pieces)', zhHK: '電子貨架標籤（50 個）', zhCN: '电子货架标签（50 个）' },
        pricingModel: 'one_off',
        priceCents: 450_000,
      },
    ],
  },
  {
    vendorKey: 'shingmun',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Smart Member Points & Coupons', zhHK: '智能會員積分及優惠券', zhCN: '智能会员积分及优惠券' },
    description: {
      en: 'Members collect points at the counter or self-checkout and receive personalised e-coupons based on what they usually buy. The owner can set member-only prices and see monthly reports on member spending and repeat visits. Set-up, poster design and staff training are included in the fee.',
      zhHK: '會員在櫃面或自助結帳機累積積分，並按購物習慣收到個人化電子優惠券。店主可設定會員價，並查看每月會員消費及回頭率報告。月費已包括設定、海報設計及員工培訓。',
      zhCN: '会员在柜面或自助结账机累积积分，并按购物习惯收到个人化电子优惠券。店主可设定会员价，并查看每月会员消费及回头率报告。月费已包括设定、海报设计及员工培训。',
    },
    pricingModel: 'monthly',
    priceCents: 88_000, // HK$880 / month
    deploymentDays: 21,
    features: [
      {
        name: { en: 'WhatsApp broadcast', zhHK: 'WhatsApp 群發訊息', zhCN: 'WhatsApp 群发讯息' },
        pricingModel: 'monthly',
        priceCents: 30_000,
      },
    ],
  },
  {
    vendorKey: 'shingmun',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Local Search & Ads Management', zhHK: '本區搜尋及廣告代管', zhCN: '本区搜寻及广告代管' },
    description: {
      en: 'Keeps your shop near the top of local searches with monthly Google Business posts, review replies and search ads targeting your district. Includes HK$600 of ad spend a month and a monthly call to review results and plan the next promotion.',
      zhHK: '每月更新 Google 商家檔案帖文、回覆顧客評價，並投放針對所屬地區的搜尋廣告，令店舖在本區搜尋結果中名列前茅。每月包括 HK$600 廣告費，並每月通電話檢討成效及計劃下一輪推廣。',
      zhCN: '每月更新 Google 商家档案帖文、回复顾客评价，并投放针对所属地区的搜寻广告，令店铺在本区搜寻结果中名列前茅。每月包括 HK$600 广告费，并每月通电话检讨成效及计划下一轮推广。',
    },
    pricingModel: 'monthly',
    priceCents: 128_000, // HK$1,280 / month
    deploymentDays: 21,
    features: [
      {
        name: { en: 'Promotion landing page design', zhHK: '推廣專頁設計', zhCN: '推广专页设计' },
        pricingModel: 'one_off',
        priceCents: 350_000,
      },
    ],
  },

  // ── Tai Tong Data Ltd ────────────────────────────────────────────────────────────
  {
    vendorKey: 'taitong',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Restaurant POS Value Bundle', zhHK: '餐廳收銀超值套裝', zhCN: '餐厅收银超值套装' },
    description: {
      en: 'A counter POS, one handheld ordering device, a kitchen printer and a card terminal for Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard and UnionPay. Suits family restaurants and noodle shops with 20 to 60 seats, with set meals, combos and the 10% service charge built in. Includes menu entry, installation and two training sessions in Cantonese.',
      zhHK: '包括一部櫃面收銀機、一部手提落單機、廚房打印機，以及可收八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard 和銀聯的終端機。適合 20 至 60 座位的家庭式餐廳及粉麵店，支援套餐、配搭及加一服務費設定。已包括輸入餐牌、安裝及兩次廣東話培訓。',
      zhCN: '包括一部柜面收银机、一部手提落单机、厨房打印机，以及可收八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard 和银联的终端机。适合 20 至 60 座位的家庭式餐厅及粉面店，支援套餐、配搭及加一服务费设定。已包括输入餐牌、安装及两次广东话培训。',
    },
    pricingModel: 'one_off',
    priceCents: 1_880_000, // HK$18,800
    deploymentDays: 21,
    features: [
      {
        name: { en: 'Extra handheld ordering device', zhHK: '額外手提落單機', zhCN: '额外手提落单机' },
        pricingModel: 'one_off',
        priceCents: 380_000,
      },
      {
        name: { en: 'Online ordering QR code', zhHK: '網上點餐 QR Code', zhCN: '网上点餐 QR Code' },
        pricingModel: 'monthly',
        priceCents: 15_000,
      },
    ],
  },
  {
    vendorKey: 'taitong',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Dried Seafood & Grocery POS', zhHK: '海味雜貨店收銀系統', zhCN: '海味杂货店收银系统' },
    description: {
      en: 'A POS for dried seafood, Chinese herbal and grocery shops that sell by weight, connected to an electronic scale that prices goods per tael or per kilogram. Accepts Octopus, FPS, AlipayHK, WeChat Pay HK, PayMe, Visa, Mastercard and UnionPay, and prints receipts in Chinese. Includes the scale, batch-level stock records and on-site training.',
      zhHK: '適合海味、藥材及雜貨店按重量售貨的收銀系統，連接電子磅，可按每兩或每公斤計價。接受八達通、轉數快、支付寶香港、微信支付香港、PayMe、Visa、Mastercard 及銀聯，並列印中文收據。已包括電子磅、按批次記錄存貨及上門培訓。',
      zhCN: '适合海味、药材及杂货店按重量售货的收银系统，连接电子磅，可按每两或每公斤计价。接受八达通、转数快、支付宝香港、微信支付香港、PayMe、Visa、Mastercard 及银联，并列印中文收据。已包括电子磅、按批次记录存货及上门培训。',
    },
    pricingModel: 'one_off',
    priceCents: 1_580_000, // HK$15,800
    deploymentDays: 21,
    features: [
      { name: { en: 'Second electronic scale', zhHK: '額外電子磅', zhCN: '额外电子磅' }, pricingModel: 'one_off', priceCents: 320_000 },
    ],
  },
  {
    vendorKey: 'taitong',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Restaurant Member & Stored-value Card', zhHK: '餐廳會員及儲值卡系統', zhCN: '餐厅会员及储值卡系统' },
    description: {
      en: 'Members top up a stored-value balance or earn points, and pay from their balance at the counter by showing a member QR code. Suits restaurants that sell set-meal coupons or party packages, with reports on unused balances. Includes integration with the Tai Tong POS and staff training.',
      zhHK: '會員可儲值或累積積分，在櫃面出示會員 QR Code 即可以儲值餘額付款。適合出售套餐券或派對套餐的餐廳，並提供未使用餘額報告。已包括與大棠收銀系統連接及員工培訓。',
      zhCN: '会员可储值或累积积分，在柜面出示会员 QR Code 即可以储值余额付款。适合出售套餐券或派对套餐的餐厅，并提供未使用余额报告。已包括与大棠收银系统连接及员工培训。',
    },
    pricingModel: 'one_off',
    priceCents: 1_480_000, // HK$14,800
    deploymentDays: 30,
    features: [
      { name: { en: 'E-coupon module', zhHK: '電子優惠券模組', zhCN: '电子优惠券模组' }, pricingModel: 'monthly', priceCents: 12_000 },
    ],
  },
  {
    vendorKey: 'taitong',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Online Shop with Local Delivery', zhHK: '網店連本地送貨', zhCN: '网店连本地送货' },
    description: {
      en: 'A bilingual online shop for up to 200 products, with FPS, PayMe, AlipayHK, Visa and Mastercard checkout and delivery slots across the New Territories. Includes 40 product photos, a launch promotion on Facebook and Instagram and a monthly traffic report for the first three months.',
      zhHK: '建立可上架最多 200 件貨品的中英文網店，結帳支援轉數快、PayMe、支付寶香港、Visa 及 Mastercard，並可選擇新界各區送貨時段。包括 40 件貨品拍攝、Facebook 及 Instagram 開幕推廣，以及首三個月每月網站流量報告。',
      zhCN: '建立可上架最多 200 件货品的中英文网店，结账支援转数快、PayMe、支付宝香港、Visa 及 Mastercard，并可选择新界各区送货时段。包括 40 件货品拍摄、Facebook 及 Instagram 开幕推广，以及首三个月每月网站流量报告。',
    },
    pricingModel: 'one_off',
    priceCents: 2_880_000, // HK$28,800
    deploymentDays: 60,
    features: [
      {
        name: { en: '100 extra product listings', zhHK: '額外上架 100 件貨品', zhCN: '额外上架 100 件货品' },
        pricingModel: 'one_off',
        priceCents: 300_000,
      },
      {
        name: { en: 'Stock sync with shop POS', zhHK: '與門市收銀系統同步存貨', zhCN: '与门市收银系统同步存货' },
        pricingModel: 'monthly',
        priceCents: 25_000,
      },
    ],
  },

  // ── Tolo Harbour Web Studio Ltd ──────────────────────────────────────────────────
  {
    vendorKey: 'tolo',
    category: 'online_promotion',
    sector: 'fnb',
    name: { en: 'Restaurant Website with Online Booking', zhHK: '餐廳網站連網上訂座', zhCN: '餐厅网站连网上订座' },
    description: {
      en: 'A mobile-friendly bilingual restaurant website with menu, photo gallery and an online booking form that sends confirmations by WhatsApp. Includes search engine optimisation for your cuisine and district, Google Business set-up and one year of hosting.',
      zhHK: '建立適合手機瀏覽的中英文餐廳網站，設有餐牌、相片集及網上訂座表格，並以 WhatsApp 發送確認。包括針對菜系及地區的搜尋引擎優化（SEO）、Google 商家檔案設定及一年網站寄存。',
      zhCN: '建立适合手机浏览的中英文餐厅网站，设有餐牌、相片集及网上订座表格，并以 WhatsApp 发送确认。包括针对菜系及地区的搜寻引擎优化（SEO）、Google 商家档案设定及一年网站寄存。',
    },
    pricingModel: 'one_off',
    priceCents: 2_480_000, // HK$24,800
    deploymentDays: 45,
    features: [
      { name: { en: 'Online takeaway ordering', zhHK: '網上外賣訂購', zhCN: '网上外卖订购' }, pricingModel: 'monthly', priceCents: 30_000 },
      {
        name: { en: 'Extra year of website hosting', zhHK: '額外一年網站寄存', zhCN: '额外一年网站寄存' },
        pricingModel: 'one_off',
        priceCents: 150_000,
      },
    ],
  },
  {
    vendorKey: 'tolo',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'E-commerce Website & SEO', zhHK: '網購網站及搜尋引擎優化', zhCN: '网购网站及搜寻引擎优化' },
    description: {
      en: 'A custom-designed bilingual e-commerce website with product search, member log-in and checkout by FPS, PayMe, Visa, Mastercard, Apple Pay and Google Pay. Includes six months of search engine optimisation with monthly keyword reports and two blog articles a month. Staff receive training on adding products, running discounts and handling returns.',
      zhHK: '度身設計中英文網購網站，設有產品搜尋、會員登入，結帳支援轉數快、PayMe、Visa、Mastercard、Apple Pay 及 Google Pay。包括六個月搜尋引擎優化（SEO），每月提供關鍵字報告及兩篇網誌文章。員工可獲培訓，學習上架產品、設定折扣及處理退貨。',
      zhCN: '度身设计中英文网购网站，设有产品搜寻、会员登入，结账支援转数快、PayMe、Visa、Mastercard、Apple Pay 及 Google Pay。包括六个月搜寻引擎优化（SEO），每月提供关键字报告及两篇网志文章。员工可获培训，学习上架产品、设定折扣及处理退货。',
    },
    pricingModel: 'one_off',
    priceCents: 3_980_000, // HK$39,800
    deploymentDays: 60,
    features: [
      {
        name: { en: 'Extra 3 months of SEO', zhHK: '額外三個月 SEO', zhCN: '额外三个月 SEO' },
        pricingModel: 'one_off',
        priceCents: 900_000,
      },
      {
        name: { en: 'Online marketplace listing connector', zhHK: '網購平台上架連接', zhCN: '网购平台上架连接' },
        pricingModel: 'monthly',
        priceCents: 40_000,
      },
    ],
  },
  {
    vendorKey: 'tolo',
    category: 'customer_management',
    sector: 'fnb',
    name: { en: 'Booking & Regulars CRM', zhHK: '訂座及熟客管理系統', zhCN: '订座及熟客管理系统' },
    description: {
      en: 'Connects your website bookings to a guest list with visit history, birthdays and dietary notes. Sends automatic WhatsApp reminders before bookings and a thank-you e-coupon after the visit to bring guests back.',
      zhHK: '將網站訂座連接至客人名單，記錄到訪紀錄、生日及飲食備註。訂座前自動以 WhatsApp 提示客人，用餐後發送答謝電子優惠券，吸引客人再次光顧。',
      zhCN: '将网站订座连接至客人名单，记录到访纪录、生日及饮食备注。订座前自动以 WhatsApp 提示客人，用餐后发送答谢电子优惠券，吸引客人再次光顾。',
    },
    pricingModel: 'monthly',
    priceCents: 68_000, // HK$680 / month
    deploymentDays: 21,
    features: [
      {
        name: { en: 'Google review invitations', zhHK: 'Google 評價邀請', zhCN: 'Google 评价邀请' },
        pricingModel: 'monthly',
        priceCents: 10_000,
      },
    ],
  },

  // ── Castle Peak Payments Ltd ─────────────────────────────────────────────────────
  {
    vendorKey: 'castlepeak',
    category: 'e_payment_pos',
    sector: 'fnb',
    name: { en: 'Restaurant POS with QR Self-ordering', zhHK: '餐廳收銀連 QR Code 自助點餐', zhCN: '餐厅收银连 QR Code 自助点餐' },
    description: {
      en: 'Two counter POS terminals, three handheld devices, a kitchen display screen and QR code self-ordering at every table, for restaurants of 60 to 150 seats. Customers can pay at the table or counter by Octopus, FPS, AlipayHK, WeChat Pay HK, PayMe, Visa, Mastercard, UnionPay, Apple Pay or Google Pay. Includes installation, dish photography for the ordering page and three on-site training sessions.',
      zhHK: '兩部櫃面收銀機、三部手提落單機、一部廚房顯示屏，並為每張枱提供 QR Code 自助點餐，適合 60 至 150 座位的餐廳。客人可在枱面或櫃面以八達通、轉數快、支付寶香港、微信支付香港、PayMe、Visa、Mastercard、銀聯、Apple Pay 或 Google Pay 付款。已包括安裝、點餐頁面菜式拍攝及三次上門培訓。',
      zhCN: '两部柜面收银机、三部手提落单机、一部厨房显示屏，并为每张台提供 QR Code 自助点餐，适合 60 至 150 座位的餐厅。客人可在台面或柜面以八达通、转数快、支付宝香港、微信支付香港、PayMe、Visa、Mastercard、银联、Apple Pay 或 Google Pay 付款。已包括安装、点餐页面菜式拍摄及三次上门培训。',
    },
    pricingModel: 'one_off',
    priceCents: 5_280_000, // HK$52,800
    deploymentDays: 45,
    features: [
      {
        name: { en: 'Extra kitchen display screen', zhHK: '額外廚房顯示屏', zhCN: '额外厨房显示屏' },
        pricingModel: 'one_off',
        priceCents: 580_000,
      },
      { name: { en: 'Online queue ticketing', zhHK: '網上排隊取籌', zhCN: '网上排队取筹' }, pricingModel: 'monthly', priceCents: 30_000 },
      {
        name: { en: 'Extra 12 months of support', zhHK: '額外 12 個月技術支援', zhCN: '额外 12 个月技术支援' },
        pricingModel: 'one_off',
        priceCents: 360_000,
      },
    ],
  },
  {
    vendorKey: 'castlepeak',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Handy Payment Terminal & POS App', zhHK: '月費收款機及收銀程式', zhCN: '月费收款机及收银程式' },
    description: {
      en: 'A portable payment terminal with a simple POS app for small shops, market stalls and hawkers, rented for a low monthly fee. Accepts Octopus, FPS, PayMe, AlipayHK, WeChat Pay HK, Visa, Mastercard, UnionPay, Apple Pay and Google Pay, with next-day settlement to your bank account. Set-up is done in one visit, including a product list of up to 100 items.',
      zhHK: '為小店、街市檔口及小販而設的便攜收款機連簡易收銀程式，以低月費租用。接受八達通、轉數快、PayMe、支付寶香港、微信支付香港、Visa、Mastercard、銀聯、Apple Pay 及 Google Pay，款項翌日存入銀行戶口。一次上門即完成設定，可輸入最多 100 件貨品。',
      zhCN: '为小店、街市档口及小贩而设的便携收款机连简易收银程式，以低月费租用。接受八达通、转数快、PayMe、支付宝香港、微信支付香港、Visa、Mastercard、银联、Apple Pay 及 Google Pay，款项翌日存入银行户口。一次上门即完成设定，可输入最多 100 件货品。',
    },
    pricingModel: 'monthly',
    priceCents: 38_000, // HK$380 / month
    deploymentDays: 10,
    features: [
      {
        name: { en: 'Bluetooth receipt printer', zhHK: '藍牙收據打印機', zhCN: '蓝牙收据打印机' },
        pricingModel: 'one_off',
        priceCents: 88_000,
      },
    ],
  },
  {
    vendorKey: 'castlepeak',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Member Tiers & E-coupon System', zhHK: '會員分級及電子優惠券系統', zhCN: '会员分级及电子优惠券系统' },
    description: {
      en: 'A membership system with silver, gold and platinum tiers based on yearly spending, with points, birthday gifts and e-coupons. Members sign up on a web page, and staff check tiers and redeem coupons on the POS or a phone. Includes data migration, up to 1,000 printed member cards with QR codes and staff training.',
      zhHK: '按全年消費分為銀、金及白金等級的會員系統，附設積分、生日禮物及電子優惠券。會員經網頁登記，店員可在收銀機或手機查看等級及核銷優惠券。已包括資料轉移、最多 1,000 張附 QR Code 的實體會員卡及員工培訓。',
      zhCN: '按全年消费分为银、金及白金等级的会员系统，附设积分、生日礼物及电子优惠券。会员经网页登记，店员可在收银机或手机查看等级及核销优惠券。已包括资料转移、最多 1,000 张附 QR Code 的实体会员卡及员工培训。',
    },
    pricingModel: 'one_off',
    priceCents: 2_380_000, // HK$23,800
    deploymentDays: 30,
    features: [
      {
        name: { en: 'WhatsApp broadcast', zhHK: 'WhatsApp 群發訊息', zhCN: 'WhatsApp 群发讯息' },
        pricingModel: 'monthly',
        priceCents: 25_000,
      },
      {
        name: { en: '1,000 extra member cards', zhHK: '額外 1,000 張會員卡', zhCN: '额外 1,000 张会员卡' },
        pricingModel: 'one_off',
        priceCents: 150_000,
      },
    ],
  },

  // ── Rambler Retail Tech Ltd ──────────────────────────────────────────────────────
  {
    vendorKey: 'rambler',
    category: 'e_payment_pos',
    sector: 'retail',
    name: { en: 'Retail & Warehouse POS Suite', zhHK: '零售及倉庫收銀管理套裝', zhCN: '零售及仓库收银管理套装' },
    description: {
      en: 'For shops with a back warehouse or a wholesale side: two counter POS terminals, a handheld stock-taking scanner and warehouse stock management with purchase orders and supplier records. Accepts Octopus, FPS, AlipayHK, WeChat Pay HK, Visa, Mastercard and UnionPay, and issues invoices and delivery notes for trade customers. Includes data migration, installation and four on-site training sessions.',
      zhHK: '適合設有貨倉或兼營批發的店舖：兩部櫃面收銀機、一部手提盤點掃描器，以及包括採購單及供應商紀錄的倉庫存貨管理。接受八達通、轉數快、支付寶香港、微信支付香港、Visa、Mastercard 及銀聯，並可為批發客戶開發票及送貨單。已包括資料轉移、安裝及四次上門培訓。',
      zhCN: '适合设有货仓或兼营批发的店铺：两部柜面收银机、一部手提盘点扫描器，以及包括采购单及供应商纪录的仓库存货管理。接受八达通、转数快、支付宝香港、微信支付香港、Visa、Mastercard 及银联，并可为批发客户开发票及送货单。已包括资料转移、安装及四次上门培训。',
    },
    pricingModel: 'one_off',
    priceCents: 7_280_000, // HK$72,800
    deploymentDays: 60,
    features: [
      {
        name: { en: 'Extra handheld stock-taking scanner', zhHK: '額外手提盤點掃描器', zhCN: '额外手提盘点扫描器' },
        pricingModel: 'one_off',
        priceCents: 420_000,
      },
      { name: { en: 'Accounting software link', zhHK: '會計軟件連接', zhCN: '会计软件连接' }, pricingModel: 'monthly', priceCents: 30_000 },
    ],
  },
  {
    vendorKey: 'rambler',
    category: 'online_promotion',
    sector: 'retail',
    name: { en: 'Online Marketplace Management', zhHK: '網購平台店舖代管', zhCN: '网购平台店铺代管' },
    description: {
      en: 'We open and run your shop on two local online marketplaces, including product listings, photos, prices and a promotion calendar. Each month includes up to 50 new listings, sign-ups for mid-year and year-end sales campaigns and a sales report by product.',
      zhHK: '代為在兩個本地網購平台開設及營運店舖，包括上架貨品、相片、定價及推廣日程。每月最多上架 50 件新貨品，代為報名年中及年尾大減價活動，並提供按貨品分類的銷售報告。',
      zhCN: '代为在两个本地网购平台开设及营运店铺，包括上架货品、相片、定价及推广日程。每月最多上架 50 件新货品，代为报名年中及年尾大减价活动，并提供按货品分类的销售报告。',
    },
    pricingModel: 'monthly',
    priceCents: 248_000, // HK$2,480 / month
    deploymentDays: 30,
    features: [
      {
        name: { en: 'Product photography, 30 items', zhHK: '30 件貨品拍攝', zhCN: '30 件货品拍摄' },
        pricingModel: 'one_off',
        priceCents: 240_000,
      },
    ],
  },
  {
    vendorKey: 'rambler',
    category: 'customer_management',
    sector: 'retail',
    name: { en: 'Trade & Retail Customer CRM', zhHK: '批發及零售客戶管理系統', zhCN: '批发及零售客户管理系统' },
    description: {
      en: 'Keeps retail members and trade customers in one database, with credit terms, price lists and purchase history for each account. Retail members earn points and receive e-coupons, while trade customers get reorder reminders by WhatsApp or email. The monthly fee includes set-up, data import and a quarterly review with our consultant.',
      zhHK: '將零售會員及批發客戶集中於同一資料庫，每個客戶均有賒數條款、價目表及購買紀錄。零售會員可累積積分及收取電子優惠券，批發客戶則經 WhatsApp 或電郵收到補貨提示。月費包括設定、資料匯入及每季一次顧問檢討。',
      zhCN: '将零售会员及批发客户集中于同一资料库，每个客户均有赊数条款、价目表及购买纪录。零售会员可累积积分及收取电子优惠券，批发客户则经 WhatsApp 或电邮收到补货提示。月费包括设定、资料汇入及每季一次顾问检讨。',
    },
    pricingModel: 'monthly',
    priceCents: 148_000, // HK$1,480 / month
    deploymentDays: 30,
    features: [
      {
        name: { en: 'Monthly statements by email', zhHK: '月結單電郵發送', zhCN: '月结单电邮发送' },
        pricingModel: 'monthly',
        priceCents: 15_000,
      },
    ],
  },
];
