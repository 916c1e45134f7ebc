import { describe, expect, it } from 'vitest';
import { deriveListingAttributes, needsInName, paymentMethodsInText, seatsInText } from '../../app/domain/listing-attributes';
import { seedSolutions } from '../../db/seed-data';

describe('paymentMethodsInText', () => {
  it.each([
    ['Accepts Octopus, FPS, PayMe, AlipayHK, WeChat Pay HK, Visa, Mastercard, Apple Pay and Google Pay', ['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk', 'payme', 'cards', 'apple_google_pay']],
    ['接受八達通、轉數快、支付寶香港、微信支付香港及銀聯', ['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk', 'cards']],
    ['A counter POS with a cash drawer', []],
    // "fps" inside another word is not FPS, and a frame rate is not a payment method.
    ['60fps video', []],
  ])('%s', (text, expected) => {
    expect(paymentMethodsInText(text)).toEqual(expected);
  });
});

describe('needsInName', () => {
  it.each([
    ['Online ordering QR code', ['online_orders']],
    ['Online takeaway ordering', ['online_orders']],
    ['Food Delivery Platform Launch', ['online_orders']],
    ['E-commerce Website & SEO', ['online_orders', 'found_online']],
    // In-store ordering and stock sync with an online shop are not selling online.
    ['QR code table ordering', []],
    ['Online shop stock sync', []],
    ['E-coupon module', ['bring_back']],
    ['Google review invitations', ['found_online']],
    ['Booking & Regulars CRM', ['know_customers']],
    ['Membership system integration', []],
    ['Extra POS terminal', []],
  ])('%s', (name, expected) => {
    expect(needsInName(name)).toEqual(expected);
  });
});

describe('seatsInText', () => {
  it.each([
    ['Suits family restaurants and noodle shops with 20 to 60 seats, with set meals', { minSeats: 20, maxSeats: 60 }],
    ['for restaurants of 60 to 150 seats.', { minSeats: 60, maxSeats: 150 }],
    ['for 12-40 seats', { minSeats: 12, maxSeats: 40 }],
    ['for 60 to 20 seats', null],
    ['for busy cha chaan tengs', null],
  ])('%s', (text, expected) => {
    expect(seatsInText(text)).toEqual(expected);
  });
});

describe('deriveListingAttributes', () => {
  it('keeps the category defaults, adds what the name says and the methods the description names', () => {
    expect(deriveListingAttributes({ category: 'online_promotion', name: 'Online Shop with Local Delivery', description: 'Checkout by FPS and PayMe.', features: [{ name: 'Stock sync with shop POS' }] })).toEqual({
      needsMet: ['found_online', 'online_orders'],
      paymentMethods: ['fps', 'payme'],
      features: [{ needsMet: [], paymentMethods: [] }],
    });
  });

  it('leaves needs to the category defaults when the name adds nothing, and always counts Octopus and FPS for a vetted POS', () => {
    const derived = deriveListingAttributes({ category: 'e_payment_pos', name: 'Small Shop POS Starter', description: 'Takes PayMe.', features: [] });
    expect(derived.needsMet).toBeUndefined();
    expect(derived.paymentMethods).toEqual(['octopus', 'fps', 'payme']);
  });

  it('reads every seed POS as taking at least Octopus and FPS (the vetting requirement)', () => {
    for (const s of seedSolutions.filter((x) => x.category === 'e_payment_pos')) {
      const derived = deriveListingAttributes({ category: s.category, name: s.name.en, description: s.description.en, features: [] });
      expect(derived.paymentMethods).toEqual(expect.arrayContaining(['octopus', 'fps']));
    }
  });
});
