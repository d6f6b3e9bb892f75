import { z } from 'zod';

/**
 * A jurisdiction-level policy fact the seeds state (targets, floors, admission dimensions)
 * that is not a rule about one lead: ≥ 70 % leading-industry share in 南湖 communities,
 * 锡山 plot-ratio floors, 萧山 标准地 dimensions, mixed land ≥ 51 % industrial …
 */
export const PolicyFactSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  /** City or district the fact applies to (嘉兴市, 南湖区, 萧山区, 锡山区, 嘉定区). */
  jurisdiction: z.string().min(2).max(20),
  /** Optional narrower target: a programme (都市型工业, 4286, 特色专业园区) or park kind. */
  appliesTo: z.string().max(30).nullable().default(null),
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  text: z.string().min(4).max(400),
  value: z.number().nullable().default(null),
  unit: z.string().max(20).nullable().default(null),
  source: z.string().min(2).max(200),
});
export type PolicyFactSeed = z.infer<typeof PolicyFactSeedSchema>;
