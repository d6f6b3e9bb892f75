import { z } from 'zod';

import { SPACE_KINDS, type SpaceKind } from '../text/space-kinds.js';

export { SPACE_KINDS, type SpaceKind };
export const SPACE_STATUSES = ['vacant', 'reserved', 'occupied'] as const;

/** One available unit (空间单元): a floor of a building, or a land parcel (kind land, areaM2 = landMu × M2_PER_MU). */
export const SpaceSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/),
  parkId: z.string().min(2).max(64),
  building: z.string().min(1).max(40),
  /** Floor number; 0 for land parcels. */
  floor: z.number().int().min(0).max(60),
  areaM2: z.number().positive().max(2_000_000),
  landMu: z.number().positive().nullable().default(null),
  clearHeightM: z.number().positive().max(40).nullable().default(null),
  floorLoadKnM2: z.number().positive().max(200).nullable().default(null),
  kind: z.enum(SPACE_KINDS),
  status: z.enum(SPACE_STATUSES).default('vacant'),
  availableFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
  rentYuanPerM2Day: z.number().positive().nullable().default(null),
  source: z.string().min(1).max(200),
});
export type SpaceSeed = z.infer<typeof SpaceSeedSchema>;
