import { z } from 'zod';

/**
 * The query of GET /api/quotes: validated by the route and described by the OpenAPI document
 * (openapi.ts), so it lives below both.
 */
export const listQuery = z.strictObject({
  speaker: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  q: z.string().min(1).max(200).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  minLength: z.coerce.number().int().min(0).max(1000).optional(),
  maxLength: z.coerce.number().int().min(0).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^\d+$/, 'expected the nextCursor of a previous page').optional(),
  /** Publishable quotes unless asked for `all` (candidates wait for an editor). */
  tier: z.enum(['publishable', 'all']).default('publishable'),
});
