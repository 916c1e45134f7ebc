import { describe, expect, it, vi } from 'vitest';
import { parseEnv } from '../../app/lib/env.server';

const url = 'postgres://matchfund:secret@db.internal:5432/matchfund';

describe('configuration safety', () => {
  it.each([
    ['the default SEED_DEMO', {}],
    ['SEED_DEMO=true', { SEED_DEMO: 'true' }],
    ['SEED_DEMO=1 with ALLOW_DEMO_SEED=false', { SEED_DEMO: '1', ALLOW_DEMO_SEED: 'false' }],
  ])('refuses demo accounts on a production server database (%s)', (_label, extra) => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: url, ...extra }, { warn: () => {} })).toThrow(
      /Unsafe configuration:[\s\S]*SEED_DEMO/,
    );
  });

  it.each([
    ['SEED_DEMO=false', { NODE_ENV: 'production', DATABASE_URL: url, SEED_DEMO: 'false' }],
    ['an explicit ALLOW_DEMO_SEED=true', { NODE_ENV: 'production', DATABASE_URL: url, ALLOW_DEMO_SEED: 'true' }],
    ['the embedded database (npm start on a laptop)', { NODE_ENV: 'production' }],
    ['an empty DATABASE_URL, which counts as unset', { NODE_ENV: 'production', DATABASE_URL: '' }],
    ['development', { NODE_ENV: 'development', DATABASE_URL: url }],
  ])('starts with %s', (_label, source) => {
    expect(() => parseEnv(source, { warn: () => {} })).not.toThrow();
  });

  it('warns loudly, once, when cookies are not Secure behind a proxy', () => {
    const warn = vi.fn();
    parseEnv({ TRUST_PROXY: '1', SEED_DEMO: 'false' }, { warn });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/WARNING: TRUST_PROXY is on but SECURE_COOKIES is off/);

    const quiet = vi.fn();
    parseEnv({ TRUST_PROXY: '1', SECURE_COOKIES: 'true' }, { warn: quiet });
    parseEnv({ TRUST_PROXY: 'false', SECURE_COOKIES: 'false' }, { warn: quiet });
    expect(quiet).not.toHaveBeenCalled();
  });

  it('prints the warning on stderr by default', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      parseEnv({ TRUST_PROXY: '2' });
      expect(spy).toHaveBeenCalledWith(expect.stringContaining('SECURE_COOKIES=true'));
    } finally {
      spy.mockRestore();
    }
  });

  it('still rejects values that do not parse', () => {
    expect(() => parseEnv({ ALLOW_DEMO_SEED: 'maybe' })).toThrow(/ALLOW_DEMO_SEED/);
  });
});

describe('TRUST_PROXY is a number of proxy hops', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['false', 0],
    ['no', 0],
    ['0', 0],
    ['1', 1],
    ['2', 2],
  ])('%j → %d hops', (value, hops) => {
    expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toBe(hops);
  });

  it.each(['true', 'yes', 'TRUE', '-1', '1.5', '99', 'loopback', '10.0.0.0/8'])('%j stops the start with a message', (value) => {
    expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});
