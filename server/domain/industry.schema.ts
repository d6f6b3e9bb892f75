import { z } from 'zod';

/**
 * A local positioning (产业定位) node of the taxonomy: 医疗器械, 智能物联, 科创金融 …
 * Linked to GB/T 4754-2017 codes, with the product and process words that point to it.
 */
export const PositioningSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  name: z.string().min(2).max(30),
  /** Other names for the same positioning (智慧医疗 for 医疗器械 is NOT an alias: it is a parent). */
  aliases: z.array(z.string().min(1).max(30)).default([]),
  /** Broader positionings this one belongs to (医疗器械 → 智慧医疗 → 大健康). */
  parents: z.array(z.string().min(2).max(30)).default([]),
  /** Which system names it: 333 (嘉兴), 南湖, 4286 (萧山), 锡山, 通用. */
  system: z.string().min(1).max(20),
  kind: z.enum(['manufacturing', 'service', 'mixed']),
  /** GB/T 4754-2017 codes (2-4 digits) that belong to it. */
  codes: z.array(z.string().regex(/^\d{2,4}$/)).min(1),
  /** Product, technology and process words a lead would use (≥ 15). */
  terms: z.array(z.string().min(1).max(20)).min(15),
  /**
   * Generic head words that suggest it but also occur in other contexts (设备制造, 机械加工, 软件):
   * read with a lower strength, so a specific product word always wins.
   */
  weakTerms: z.array(z.string().min(2).max(20)).default([]),
  /** Positionings that commonly supply or serve it (supporting relation). */
  related: z.array(z.string().min(2).max(30)).default([]),
  source: z.string().min(1).max(200),
});
export type PositioningSeed = z.infer<typeof PositioningSeedSchema>;

/** A GB/T 4754-2017 row from gbt4754-2017.tsv. */
export const GbtRowSchema = z.strictObject({
  level: z.number().int().min(1).max(4),
  code: z.string().regex(/^([A-T]|\d{2,4})$/),
  name: z.string().min(1),
  parent: z.string(),
  section: z.string().regex(/^[A-T]$/),
  remark: z.string(),
});
export type GbtRow = z.infer<typeof GbtRowSchema>;
