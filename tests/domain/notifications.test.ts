import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationActions } from '../../app/domain/application-lifecycle';
import {
  applicationSourceKey,
  isOncePerApplication,
  notificationTarget,
  notificationTemplates,
  notificationsFor,
  paymentReleasers,
} from '../../app/domain/notifications';

describe('who is told', () => {
  it.each([
    [
      'resubmit',
      [
        ['applicant', 'info_received'],
        ['assigned_officer', 'reply_received'],
      ],
    ],
    ['start_review', [['applicant', 'review_started']]],
    [
      'approve',
      [
        ['applicant', 'application_approved'],
        ['vendor', 'vendor_application_approved'],
      ],
    ],
    ['return_claim', [['applicant', 'claim_returned']]],
    ['confirm_deployment', [['vendor', 'deployment_confirmed']]],
  ] as const)('%s', (action, expected) => {
    expect(notificationsFor(action).map((r) => [r.to, r.template])).toEqual(expected);
  });

  it('every rule names a known template, and no action tells the same recipient twice', () => {
    for (const action of applicationActions) {
      const rules = notificationsFor(action);
      for (const rule of rules) expect(notificationTemplates).toContain(rule.template);
      expect(new Set(rules.map((r) => r.to)).size).toBe(rules.length);
    }
  });
});

describe('the source of a notification', () => {
  it('"under review" and the other once-in-a-life templates are keyed by the application, repeatable ones by the event', () => {
    expect(applicationSourceKey({ template: 'review_started', applicationId: 7, eventId: 1 })).toBe('application:7');
    expect(applicationSourceKey({ template: 'review_started', applicationId: 7, eventId: 2 })).toBe('application:7');
    expect(applicationSourceKey({ template: 'info_requested', applicationId: 7, eventId: 2 })).toBe('event:2');
    expect(applicationSourceKey({ template: 'claim_returned', applicationId: 7, eventId: 3 })).toBe('event:3');
    expect(isOncePerApplication('reply_received')).toBe(false);
  });

  it('two different events of the same repeatable template never share a key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (app, e1, e2) => {
        fc.pre(e1 !== e2);
        const key = (eventId: number) => applicationSourceKey({ template: 'info_requested', applicationId: app, eventId });
        expect(key(e1)).not.toBe(key(e2));
      }),
    );
  });
});

describe('who may release a prepared payment', () => {
  it('every officer except the preparer and the linked, and no administrator', () => {
    const candidates = [
      { id: 1, role: 'officer', conflicted: false },
      { id: 2, role: 'officer', conflicted: false },
      { id: 3, role: 'officer', conflicted: true },
      { id: 4, role: 'admin', conflicted: false },
    ];
    expect(paymentReleasers({ candidates, preparedBy: 1 }).map((c) => c.id)).toEqual([2]);
  });

  it('never includes the preparer, whoever the candidates are', () => {
    const candidate = fc.record({
      id: fc.integer({ min: 1, max: 20 }),
      role: fc.constantFrom('officer', 'admin', 'vendor'),
      conflicted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(candidate), fc.integer({ min: 1, max: 20 }), (candidates, preparedBy) => {
        const told = paymentReleasers({ candidates, preparedBy });
        expect(told.every((c) => c.id !== preparedBy && c.role === 'officer' && !c.conflicted)).toBe(true);
        expect(told.length).toBe(candidates.filter((c) => c.id !== preparedBy && c.role === 'officer' && !c.conflicted).length);
      }),
    );
  });
});

describe('where opening leads', () => {
  it.each([
    [{ template: 'review_started', role: 'applicant', reference: 'DTSP-1', params: {} }, '/applications/DTSP-1'],
    [{ template: 'vendor_application_approved', role: 'vendor', reference: 'DTSP-1', params: {} }, '/vendor/applications'],
    [{ template: 'reply_received', role: 'officer', reference: 'DTSP-1', params: {} }, '/officer/applications/DTSP-1'],
    [{ template: 'payment_prepared', role: 'officer', reference: 'DTSP-1', params: {} }, '/officer/claims/DTSP-1'],
    [{ template: 'quotation_arrived', role: 'applicant', reference: null, params: {} }, '/enquiries'],
    [{ template: 'enquiry_received', role: 'vendor', reference: null, params: {} }, '/vendor/enquiries?status=sent'],
    [{ template: 'listing_returned', role: 'vendor', reference: null, params: { solutionId: 12 } }, '/vendor/listings/12'],
    [{ template: 'listing_returned', role: 'vendor', reference: null, params: { solutionId: '//evil.example' } }, '/vendor/listings'],
    [{ template: 'registration_attempt', role: 'applicant', reference: null, params: {} }, '/account'],
    [{ template: 'review_started', role: 'applicant', reference: '../x?y', params: {} }, '/applications/..%2Fx%3Fy'],
  ] as const)('%o → %s', (input, expected) => {
    expect(notificationTarget({ ...input, params: { ...input.params } })).toBe(expected);
  });
});
