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
