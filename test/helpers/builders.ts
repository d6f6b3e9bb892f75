/** Small fixture builders: a knowledge base of a few hand-made parks, so factor tests read like examples. */
import { compileKnowledge, type Knowledge } from '../../server/domain/knowledge.js';
import { ParkSeedSchema, type ParkSeed } from '../../server/domain/park.schema.js';
import { SpaceSeedSchema, type SpaceSeed } from '../../server/domain/space.schema.js';
import { PositioningSeedSchema, type PositioningSeed } from '../../server/domain/industry.schema.js';
import { RuleSeedSchema, type RuleSeed } from '../../server/domain/rule.schema.js';
import type { ChainSeed } from '../../server/domain/chain.schema.js';
import type { GbtRow } from '../../server/domain/industry.schema.js';

const terms = (...xs: string[]) => [...xs, ...Array.from({ length: Math.max(0, 15 - xs.length) }, (_, i) => `${xs[0]}词${i}`)];

export const positioning = (p: Partial<PositioningSeed> & { name: string; id: string }): PositioningSeed =>
  PositioningSeedSchema.parse({
    system: '通用',
    kind: 'manufacturing',
    codes: ['3581'],
    terms: terms(`${p.name}产品`),
    source: 'test',
    ...p,
  });

export const park = (p: Partial<ParkSeed> & { id: string; name: string }): ParkSeed =>
  ParkSeedSchema.parse({
    city: '测试市',
    district: '甲区',
    town: '一街道',
    kind: '产业园',
    program: '都市型工业',
    leadingIndustries: [],
    envClass: 'clean',
    source: 'test',
    ...p,
  });

export const space = (s: Partial<SpaceSeed> & { id: string; parkId: string }): SpaceSeed =>
  SpaceSeedSchema.parse({
    building: '1号楼',
    floor: 1,
    areaM2: 1000,
    clearHeightM: 6,
    floorLoadKnM2: 15,
    kind: 'factory',
    source: '示例数据',
    ...s,
  });

export const rule = (r: Partial<RuleSeed> & { id: string }): RuleSeed =>
  RuleSeedSchema.parse({
    name: '测试规则',
    scope: { level: 'national', value: null },
    effect: 'exclude',
    match: {},
    reason: '项目涉及{term}，不予准入',
    source: '测试文件 第1条',
    ...r,
  });

const GBT: GbtRow[] = [
  { level: 4, code: '3581', name: '医疗诊断、监护及治疗设备制造', parent: '358', section: 'C', remark: '' },
  { level: 4, code: '3983', name: '敏感元件及传感器制造', parent: '398', section: 'C', remark: '' },
  { level: 4, code: '3360', name: '金属表面处理及热处理加工', parent: '336', section: 'C', remark: '' },
];

export function knowledge(parts: {
  parks: ParkSeed[];
  spaces?: SpaceSeed[];
  positionings?: PositioningSeed[];
  rules?: RuleSeed[];
  chains?: ChainSeed[];
}): Knowledge {
  return compileKnowledge({
    parks: parts.parks,
    spaces: parts.spaces ?? [],
    positionings: parts.positionings ?? [],
    gbt: GBT,
    rules: parts.rules ?? [],
    chains: parts.chains ?? [],
  });
}
