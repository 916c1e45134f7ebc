// The officers' queue filters from a query string, shared by the queue page and its CSV export.
import { z } from 'zod';
import { applicationStatuses } from '../domain/application-lifecycle';
import { categories, districts, sectors } from '../domain/programme';

// Bad values in a shared link fall back to "no filter" instead of failing the page.
export const queueFiltersSchema = z.object({
  status: z.enum(applicationStatuses).optional().catch(undefined),
  sector: z.enum(sectors).optional().catch(undefined),
  district: z.enum(districts).optional().catch(undefined),
  category: z.enum(categories).optional().catch(undefined),
  minDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  assigned: z.enum(['me', 'unassigned', 'any']).catch('any'),
});
