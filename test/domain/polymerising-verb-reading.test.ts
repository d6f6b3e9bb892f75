/**
 * 聚合 as the verb of a chemistry the clause names (twenty-eighth session, from dev sets' polyimide and acrylic texts): its
 * monomers or resin before it, the vessel or place it runs in, or what it yields after it — the lead's own 聚合, the
 * process of 名录 第44、50项 — and not a polymer bought ready, lab-scale work, a negation, or an aggregator of payments.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('聚合 told as a verb', () => {
  it('after its monomers or resin, inside its vessel, or before what it yields', () => {
    expect(excludedEverywhere('柔性盖板材料：二胺和二酐在区内聚合成聚酰胺酸浆料，再流延、亚胺化成膜，规划年产薄膜1200吨')).toBe(true);
    expect(excludedEverywhere('可研：PI薄膜年产1500吨，建设PAA树脂聚合（PMDA/ODA）装置、流延及亚胺化生产线。')).toBe(true);
    expect(excludedEverywhere('PI浆液（聚酰胺酸）项目，二酐+二胺在NMP里聚合，年产3000吨')).toBe(true);
  });
  it('not a polymer bought ready, lab work, a negation, or payments gathered in one code', () => {
    expect(excludedNowhere('用的是已经聚合好的PLA，我们只做注塑')).toBe(true);
    expect(excludedNowhere('研发楼做单体合成和聚合的小试，都在实验室，克级')).toBe(true);
    expect(excludedNowhere('PI膜分切，树脂外购，厂内不做聚合')).toBe(true);
    expect(excludedNowhere('把支付宝、云闪付聚合到一个收款码，给商户做对账')).toBe(true);
    expect(excludedNowhere('平台聚合MRO供应商，撮合工厂采购')).toBe(true);
  });
});
