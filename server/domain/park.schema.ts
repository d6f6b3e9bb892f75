import { z } from 'zod';

/** 园区/载体的类别. */
export const PARK_KINDS = [
  '产业社区',
  '创新街区',
  '工业创新体',
  '产业园',
  '特色小镇',
  '产业基地',
  '产业新城',
  '地块',
  '总部园区',
  '开发区',
] as const;

/**
 * 可承载的环境类别 (environmental class a park can host):
 * - clean   环境友好、低污染 (都市型工业园、M0 新型产业用地、楼宇): no industrial wastewater, low emissions only
 * - light   一般工业园: 报告表 level projects, no 报告书-level heavy pollution
 * - general 产业基地/新城 with centralised wastewater treatment: 报告书-level projects allowed unless a rule bans them
 */
export const ENV_CLASSES = ['clean', 'light', 'general'] as const;
export type EnvClass = (typeof ENV_CLASSES)[number];

/**
 * Where a park belongs in the local programmes (都市型工业 table, 萧山 4286, 锡山 特色专业园区), or
 * 重大产业平台: a 省级以上 development zone or demonstration zone (高新区, 经开区, 临空经济示范区) and the
 * 特色小镇 inside one, taken from public sources rather than a seed's table.
 */
export const PARK_PROGRAMS = ['都市型工业', '4286', '特色专业园区', '重大产业平台'] as const;

export const FactSchema = z.strictObject({
  key: z.string().min(1).max(60),
  text: z.string().min(1).max(500),
  value: z.number().nullable().default(null),
  source: z.string().min(1).max(200),
});
export type Fact = z.infer<typeof FactSchema>;

/** 准入标准 (admission standards): thresholds a park applies; null where unknown. */
export const StandardsSchema = z.strictObject({
  investmentIntensityWanPerMu: z.number().positive().nullable().default(null),
  outputPerMuWan: z.number().positive().nullable().default(null),
  taxPerMuWan: z.number().positive().nullable().default(null),
  source: z.string().min(1).max(200),
});
export type Standards = z.infer<typeof StandardsSchema>;

/** One park record as kept in data/seed/parks.json. */
export const ParkSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  name: z.string().min(2).max(80),
  /** Short names people use (微创产业园, 汇智之环); used by search and chat. */
  aliases: z.array(z.string().min(2).max(40)).default([]),
  city: z.string().min(2).max(20),
  district: z.string().min(2).max(20),
  /** 所在街道/镇 as written. */
  town: z.string().min(1).max(40),
  kind: z.enum(PARK_KINDS),
  program: z.enum(PARK_PROGRAMS),
  /** 启动批次 (第一批/第二批) where the table gives it. */
  batch: z.string().max(20).nullable().default(null),
  /** 序号 in the source table. */
  seq: z.number().int().positive().nullable().default(null),
  landAreaMu: z.number().positive().nullable().default(null),
  /** 土地性质 as written: M0, M1, R2, 宅地 … */
  landUse: z.string().max(20).nullable().default(null),
  /** 开工时间 as written (2024年12月, 已开工, 未定). */
  startTime: z.string().max(20).nullable().default(null),
  /** 主要产业定位 exactly as the source writes it. */
  positioning: z.string().max(80).nullable().default(null),
  /** 主导产业: 1–3 taxonomy positioning names (see positionings.json); empty when the source says 未定. */
  leadingIndustries: z.array(z.string().min(1).max(30)).max(3),
  /** 配套/关联产业: taxonomy positioning names. */
  supportingIndustries: z.array(z.string().min(1).max(30)).default([]),
  /** 开发主体 as written; null when unknown, "未定" when the source says so. */
  developer: z.string().max(120).nullable().default(null),
  plotRatioMin: z.number().positive().nullable().default(null),
  envClass: z.enum(ENV_CLASSES),
  /** 主导产业占比目标 (0..1), e.g. 0.7 for 南湖 communities. */
  leadingShareTarget: z.number().min(0).max(1).nullable().default(null),
  /** Current share of the leading industry (0..1), when known. */
  leadingShareCurrent: z.number().min(0).max(1).nullable().default(null),
  standards: StandardsSchema.nullable().default(null),
  /** Short Chinese description for search and display. */
  description: z.string().max(600).default(''),
  facts: z.array(FactSchema).default([]),
  source: z.string().min(1).max(200),
});
export type ParkSeed = z.infer<typeof ParkSeedSchema>;
