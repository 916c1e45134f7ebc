import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../app/lib/env.server';

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
