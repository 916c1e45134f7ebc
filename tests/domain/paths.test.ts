import { describe, expect, it } from 'vitest';
import { hereWith, isCurrentPath } from '../../app/domain/paths';

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

describe('page links', () => {
  const queue = { pathname: '/officer/applications', search: '?district=wan_chai&sector=fnb&after=abc' };
  it('set one parameter and keep the filters', () => {
    expect(hereWith(queue, 'after', 'xyz')).toBe('/officer/applications?district=wan_chai&sector=fnb&after=xyz');
    expect(hereWith({ pathname: '/solutions', search: '' }, 'page', '2')).toBe('/solutions?page=2');
  });
  it('go back to the first page of the same filtered list (the queue dropped its filters here)', () => {
    expect(hereWith(queue, 'after', null)).toBe('/officer/applications?district=wan_chai&sector=fnb');
    expect(hereWith({ pathname: '/officer/applications', search: '?after=abc' }, 'after', null)).toBe('/officer/applications');
  });
  it('encode what they are given', () => {
    expect(hereWith({ pathname: '/solutions', search: '?q=a%26b' }, 'page', '3')).toBe('/solutions?q=a%26b&page=3');
  });
});
