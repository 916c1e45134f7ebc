// Chinese text as a Hong Kong reader expects (issue 12 §8): every zh-HK and zh-CN locale file, every namespace, read
// from disk so that keys added later are checked too. Full-width punctuation inside Chinese text, no stray spaces
// around it, and one register: formal written Chinese, not colloquial Cantonese.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gapBefore } from '../../app/lib/i18n';
import { serverT } from '../../app/lib/i18n.server';

const LOCALES_DIR = path.resolve(__dirname, '../../locales');
const CHINESE_LOCALES = ['zh-HK', 'zh-CN'] as const;

const HAN = '\\p{Script=Han}';
// A placeholder ({{amount}}, {{count}}) stands for a number or a name: neutral, neither Chinese nor punctuation.
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const ASCII_PUNCTUATION = '[,:;()!?]';
const FULL_WIDTH = '[，。：；（）、！？「」『』]';

/** Cantonese words that do not belong in formal written Chinese (嘅 的, 咗 了, 睇 看, 揀 選, 唔 不, 冇 沒有, 喺 在, 嚟 來, 畀 給). */
export const COLLOQUIAL = ['嘅', '咗', '睇', '揀', '唔', '冇', '喺', '嚟', '畀'] as const;

type Problem = { kind: 'ascii_punctuation' | 'space_by_full_width' | 'space_by_text' | 'colloquial'; excerpt: string };

// Placeholders that stand for words (an officer's note, a reason), not a number or a reference: in Chinese text they
// take no space either side ("原因：{{reason}}。{{note}}", never "{{note}} 請回覆").
const TEXT_PLACEHOLDER = '\\{\\{(?:note|reason)\\}\\}';

/** What is wrong with one Chinese text, if anything. Exported for the table of examples below. */
export function problemsIn(text: string): Problem[] {
  const problems: Problem[] = [];
  const spacedText = new RegExp(
    `${TEXT_PLACEHOLDER}[ \\u00a0\\u3000]+(?:${HAN}|${TEXT_PLACEHOLDER})|${HAN}[ \\u00a0\\u3000]+${TEXT_PLACEHOLDER}`,
    'gu',
  );
  for (const match of text.matchAll(spacedText)) problems.push({ kind: 'space_by_text', excerpt: match[0] });
  const neutral = text.replace(PLACEHOLDER, '0');
  const asciiNextToHan = new RegExp(`${HAN} *${ASCII_PUNCTUATION}|${ASCII_PUNCTUATION} *${HAN}`, 'gu');
  for (const match of neutral.matchAll(asciiNextToHan)) problems.push({ kind: 'ascii_punctuation', excerpt: match[0] });
  // A closing parenthesis after Chinese text and a placeholder: "（共 {{count}} 項)" → "（共 0 項)".
  for (const match of neutral.matchAll(new RegExp(`${HAN}[^()（）]*\\)`, 'gu'))) {
    if (!problems.some((p) => match[0].endsWith(p.excerpt))) problems.push({ kind: 'ascii_punctuation', excerpt: match[0].slice(-8) });
  }
  const spaced = new RegExp(`[ \\u00a0\\u3000]+${FULL_WIDTH}|${FULL_WIDTH}[ \\u00a0\\u3000]+`, 'gu');
  for (const match of neutral.matchAll(spaced)) problems.push({ kind: 'space_by_full_width', excerpt: match[0] });
  for (const word of COLLOQUIAL) if (neutral.includes(word)) problems.push({ kind: 'colloquial', excerpt: word });
  return problems;
}

function strings(value: unknown, key = ''): [key: string, text: string][] {
  if (typeof value === 'string') return [[key, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
  }
  return [];
}

const files = CHINESE_LOCALES.flatMap((locale) =>
  readdirSync(path.join(LOCALES_DIR, locale))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ locale, name, file: path.join(LOCALES_DIR, locale, name) })),
);

describe('the checker', () => {
  const examples: [text: string, kinds: Problem['kind'][]][] = [
    ['報價：HK$1,200.00', []],
    ['計劃資助金額：{{amount}}（上限 {{cap}}）', []],
    ['配對資助（1:1）', []],
    ['共 {{count}} 項', []],
    ['電子支付及店面銷售（POS）', []],
    ['報價: HK$1,200.00', ['ascii_punctuation']],
    ['報價： HK$1,200.00', ['space_by_full_width']],
    ['通知 （1 則新）', ['space_by_full_width']],
    ['通知(1 則新)', ['ascii_punctuation', 'ascii_punctuation']],
    ['（共 {{count}} 項)', ['ascii_punctuation']],
    ['店主,請先登入', ['ascii_punctuation']],
    ['補交資料：「{{note}}」。請在申請頁面回覆。', []],
    ['原因：{{reason}}。{{note}}', []],
    ['補交資料：{{note}} 請在申請頁面回覆。', ['space_by_text']],
    ['原因：{{reason}} {{note}}', ['space_by_text']],
    ['原因 {{reason}}', ['space_by_text']],
    ['你確定嗎?', ['ascii_punctuation']],
    ['請揀選一個套餐', ['colloquial']],
    ['睇清楚再提交', ['colloquial']],
  ];
  for (const [text, kinds] of examples) {
    it(`«${text}» → ${kinds.join(', ') || 'fine'}`, () => {
      expect(problemsIn(text).map((p) => p.kind)).toEqual(kinds);
    });
  }
});

describe('the header\u2019s unread badge', () => {
  // The badge follows the word "notifications": a gap before it in English, none before full-width brackets.
  it.each([
    ['en', '通知', 'Notifications (1 new)'],
    ['zh-HK', '通知', '通知（1 則新）'],
    ['zh-CN', '通知', '通知（1 条新）'],
  ] as const)('%s', (locale, _label, expected) => {
    const t = serverT(locale);
    expect(`${t('common:nav.notifications')}${gapBefore(t('common:nav.unread', { count: 1 }))}`).toBe(expected);
  });
});

describe('Chinese locale files', () => {
  it('finds every namespace of both Chinese locales', () => {
    expect(files.filter((f) => f.locale === 'zh-HK').length).toBeGreaterThanOrEqual(16);
    expect(files.filter((f) => f.locale === 'zh-CN').length).toBe(files.filter((f) => f.locale === 'zh-HK').length);
  });

  it.each(files.map((f) => [`${f.locale}/${f.name}`, f.file] as const))('%s reads as formal written Chinese', (_label, file) => {
    const found = strings(JSON.parse(readFileSync(file, 'utf8')) as unknown).flatMap(([key, text]) =>
      problemsIn(text).map((p) => `${key}: ${p.kind} «${p.excerpt}» in «${text}»`),
    );
    expect(found).toEqual([]);
  });
});
