import { z } from 'zod';

export const CHAIN_TIERS = ['upstream', 'midstream', 'downstream'] as const;
export type ChainTier = (typeof CHAIN_TIERS)[number];

export const ChainNodeSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/),
  tier: z.enum(CHAIN_TIERS),
  name: z.string().min(1).max(40),
  codes: z.array(z.string().regex(/^\d{2,4}$/)).default([]),
  /** Words that point to this node in a lead (钛合金, 导管, 传感器芯片 …). */
  terms: z.array(z.string().min(1).max(20)).min(3),
});

export const ChainLeaderSeedSchema = z.strictObject({
  company: z.string().min(2).max(60),
  parkId: z.string().min(2).max(64),
  nodeId: z.string().min(2).max(80),
  source: z.string().min(1).max(200),
});

/** Which chain nodes a park holds (has firms in) or wants (missing link, 补链). */
export const ParkChainNodeSeedSchema = z.strictObject({
  parkId: z.string().min(2).max(64),
  nodeId: z.string().min(2).max(80),
  role: z.enum(['holds', 'missing']),
  source: z.string().min(1).max(200),
});

export const ChainSeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
  name: z.string().min(2).max(30),
  /** Positioning names this chain serves (医疗器械, 智慧医疗). */
  positionings: z.array(z.string().min(2).max(30)).min(1),
  nodes: z.array(ChainNodeSeedSchema).min(3),
  leaders: z.array(ChainLeaderSeedSchema).default([]),
  parkNodes: z.array(ParkChainNodeSeedSchema).default([]),
  source: z.string().min(1).max(200),
});
export type ChainSeed = z.infer<typeof ChainSeedSchema>;
