import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesFor } from '../../app/lib/i18n.server';

describe('translations sent to the browser', () => {
  it('a visitor gets the public pages only; staff get everything', () => {
    const anonymous = Object.keys(resourcesFor('zh-HK')['zh-HK']!);
    expect(anonymous).toContain('catalogue');
    expect(anonymous).not.toContain('vetting');
    expect(anonymous).not.toContain('officer');
    expect(Object.keys(resourcesFor('en', 'applicant').en!)).toEqual(
      expect.arrayContaining(['applications', 'claims', 'eligibility', 'notifications']),
    );
    expect(Object.keys(resourcesFor('en', 'vendor').en!)).toEqual(expect.arrayContaining(['vendor', 'applications', 'claims']));
    expect(Object.keys(resourcesFor('en', 'officer').en!)).toEqual(
      expect.arrayContaining(['vetting', 'risk', 'officer', 'dashboard', 'claims']),
    );
  });
});

// ——— Keys used in code, present in every language ———————————————————————————————————————————————————————————
// Every 'namespace:key' string in app/ (t() calls, zod messages, error codes) must exist in en, zh-HK and zh-CN, and
// the three languages hold the same keys; a key built at run time (`claims:checks.${code}`) needs its parent there.

const LOCALES_DIR = path.resolve(__dirname, '../../locales');
const APP_DIR = path.resolve(__dirname, '../../app');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(v && typeof v === 'object' ? [`${prefix}${k}.`] : []),
      ...flatten(v, `${prefix}${k}.`),
    ]);
  }
  return [prefix.slice(0, -1)];
}

/** Every key of one language as 'ns:key' (plural forms also under their base key), and every parent as 'ns:key.'. */
function keysOf(locale: string): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(path.join(LOCALES_DIR, locale)).filter((name) => name.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    for (const key of flatten(JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, file), 'utf8')) as unknown)) {
      keys.add(`${ns}:${key}`);
      keys.add(`${ns}:${key.replace(PLURAL, '')}`);
    }
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The keys the code names: whole ones ('claims:payable', or a parent 'match:methods' the code adds to) and the fixed start of built ones (`claims:checks.${c}` → 'claims:checks.'). */
export function keysUsedIn(source: string, namespaces: readonly string[]): { whole: string[]; parents: string[] } {
  const ns = namespaces.join('|');
  const whole = [...source.matchAll(new RegExp(`['"\`]((?:${ns}):[A-Za-z0-9_.]*[A-Za-z0-9_])['"\`]`, 'g'))].map((m) => m[1]!);
  const parents = [...source.matchAll(new RegExp(`\`((?:${ns}):(?:[A-Za-z0-9_]+\\.)+)\\$\\{`, 'g'))].map((m) => m[1]!);
  return { whole, parents };
}

describe('translation keys', () => {
  const languages = ['en', 'zh-HK', 'zh-CN'] as const;
  const keys = Object.fromEntries(languages.map((l) => [l, keysOf(l)])) as Record<(typeof languages)[number], Set<string>>;
  const namespaces = readdirSync(path.join(LOCALES_DIR, 'en')).map((name) => name.replace(/\.json$/, ''));
  const used = sourceFiles(APP_DIR).map((file) => ({
    file: path.relative(APP_DIR, file),
    ...keysUsedIn(readFileSync(file, 'utf8'), namespaces),
  }));

  it('finds the keys the code uses, whole and built', () => {
    expect(used.flatMap((u) => u.whole).length).toBeGreaterThan(500);
    expect(used.flatMap((u) => u.parents)).toContain('claims:checks.');
    expect(keysUsedIn("t('claims:payable'); t(`common:sectors.${s}`); `errors:${code}`; 'enquiry:1'", namespaces)).toEqual({
      whole: ['claims:payable'],
      parents: ['common:sectors.'],
    });
  });

  it.each(languages)('%s has every key the code uses', (language) => {
    const missing = used.flatMap(({ file, whole, parents }) =>
      [...whole, ...parents].filter((key) => !keys[language].has(key) && !keys[language].has(`${key}.`)).map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('the three languages hold the same keys', () => {
    const [en, ...others] = languages.map((l) => [...keys[l]].sort());
    for (const other of others) expect(other).toEqual(en);
  });
});
