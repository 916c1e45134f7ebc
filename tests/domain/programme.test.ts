import { describe, expect, it } from 'vitest';
import { categories, districts, sectors, selfRegisterRoles } from '../../app/domain/programme';

describe('programme vocabulary', () => {
  it('has the 18 districts of Hong Kong, each once', () => {
    expect(new Set(districts).size).toBe(18);
  });

  it('has the three solution categories and four sectors', () => {
    expect(categories).toEqual(['e_payment_pos', 'online_promotion', 'customer_management']);
    expect(sectors).toEqual(['fnb', 'retail', 'tourism', 'personal_services']);
  });

  it('never lets a person register as staff', () => {
    expect(selfRegisterRoles).not.toContain('officer');
    expect(selfRegisterRoles).not.toContain('admin');
  });
});
