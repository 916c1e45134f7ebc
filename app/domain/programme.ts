// The programme's vocabulary: sectors, solution categories, districts and roles, as codes.
export const sectors = ['fnb', 'retail', 'tourism', 'personal_services'] as const;
export type Sector = (typeof sectors)[number];

export const categories = ['e_payment_pos', 'online_promotion', 'customer_management'] as const;
export type Category = (typeof categories)[number];

export const districts = [
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
export type District = (typeof districts)[number];

export const locales = ['en', 'zh-HK', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

export const roles = ['applicant', 'vendor', 'officer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles a person may give themselves; officers and admins are created by an admin. */
export const selfRegisterRoles = ['applicant', 'vendor'] as const satisfies readonly Role[];

/** A text the catalogue holds in each of the portal's three languages. */
export type LocalisedText = { en: string; zhHK: string; zhCN: string };
