import { describe, expect, it } from 'vitest';
import { isCurrentPath } from '../../app/domain/paths';

describe('isCurrentPath', () => {
  it.each([
    ['/solutions', '/solutions', false, true],
    ['/solutions/12', '/solutions', false, true],
    ['/solutions/', '/solutions', false, true],
    ['/Solutions', '/solutions', false, true],
    ['/solutionsx', '/solutions', false, false],
    ['/vendor/listings', '/vendor', true, false],
    ['/vendor', '/vendor', true, true],
    ['/vendor/listings/3', '/vendor/listings', false, true],
    ['/applications', '/', false, false],
    ['/', '/', false, true],
    ['/account', '/account?tab=1', true, true],
  ])('%s with a link to %s (end %s) → %s', (pathname, to, end, current) => {
    expect(isCurrentPath(pathname, to, end)).toBe(current);
  });
});
