import { describe, expect, it } from 'vitest';
import { safeRedirect } from '../../app/services/session.server';

describe('safeRedirect', () => {
  it.each([
    ['/solutions', '/solutions'],
    ['/solutions?page=2&q=%E9%BA%B5', '/solutions?page=2&q=%E9%BA%B5'],
    ['/applications/DTS-2026-000001#timeline', '/applications/DTS-2026-000001#timeline'],
    ['/', '/'],
  ])('keeps the same-site path %j', (to, expected) => {
    expect(safeRedirect(to, '/fallback')).toBe(expected);
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path', '//evil.example/login'],
    ['absolute', 'https://evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['backslash', '/\\evil.example'],
    ['backslash later', '/\\/evil.example'],
    ['tab after slash', '/\t/evil.example'],
    ['tab inside', '/\t\t/evil.example'],
    ['newline after slash', '/\n/evil.example'],
    ['carriage return', '/\r/evil.example'],
    ['CR LF header injection', '/ok\r\nSet-Cookie: x=1'],
    ['NUL', '/ok\u0000'],
    ['non-Latin-1', '/解決方案'],
    ['non-Latin-1 in query', '/solutions?q=麵'],
    ['Latin-1 but not ASCII', '/caf\u00e9'],
    ['space', '/ /evil.example'],
    ['empty', ''],
    ['relative', 'solutions'],
    ['dot segments that climb', '/..//evil.example'],
    ['encoded slash pair', '/%2F%2Fevil.example'],
    ['not a string', 42],
    ['array', ['/ok']],
    ['undefined', undefined],
    ['very long', `/${'a'.repeat(3000)}`],
  ])('falls back on %s', (_label, to) => {
    expect(safeRedirect(to, '/fallback')).toBe('/fallback');
  });

  it('whatever it returns can be put in a Location header', () => {
    const odd = ['/\u2028', '/%0d%0aX: y', '/a?b=\u00ff', '/\u{1F600}', '/a#\u0085'];
    for (const to of odd) {
      const target = safeRedirect(to, '/fallback');
      expect(() => new Headers({ Location: target }), to).not.toThrow();
      expect(new URL(target, 'http://site.invalid').origin).toBe('http://site.invalid');
    }
  });
});
