/** Hazardous chemicals by name and amount against GB 18218-2018 临界量 (data/lexicon/chemicals.tsv). */
import { describe, expect, it } from 'vitest';
import { adoptedKb } from '../helpers/app.js';
import { matchLead } from '../../server/domain/match.js';
import { renderReason } from '../../server/domain/reasons.js';

// the large-scale use of hazardous chemicals in a 环境友好型 park (env-clean-hazchem-not-pilot) is a 示例规则: it
// excludes only once adopted (docs/RULES.md); these tests read the chemicals as the adopted rule would
const kb = adoptedKb('env-clean-hazchem-not-pilot');
const run = (summary: string) =>
  matchLead({ summary, districts: ['南湖区'] }, kb.k, { limit: 50, includeExcluded: true, guessIndustries: kb.guessIndustries });
const reasons = (o: ReturnType<typeof run>) => o.results.flatMap((r) => r.exclusions.map((e) => renderReason(e.reason)));

describe('hazardous chemicals by name and amount', () => {
  it('at or above the 临界量 the lead is a large-scale user: excluded from every 环境友好型 park, the chemical and its threshold named', () => {
    const o = run('冷库项目，液氨制冷，储存液氨约30吨');
    expect(o.features.chemicals).toEqual([expect.objectContaining({ name: '液氨', thresholdT: 10, amountT: 30 })]);
    const clean = o.results.filter((r) => r.park.park.envClass === 'clean');
    expect(clean.length).toBeGreaterThan(0);
    expect(clean.every((r) => r.excluded)).toBe(true);
    expect(reasons(o).every((x) => x.includes('液氨约30吨') && x.includes('临界量10吨'))).toBe(true);
    // a development zone of the district (一般工业园) keeps it only with the 危化品 joint review
    for (const r of o.results.filter((x) => x.park.park.envClass !== 'clean' && !x.excluded))
      expect(r.flags.some((f) => renderReason(f.reason).includes('危化品'))).toBe(true);
    expect(reasons(o).some((x) => x.includes('化肥'))).toBe(false); // it stores ammonia, it does not make fertiliser
  });

  it('a fill times a count written with a multiplication sign and thousands separated (160 kg × 3,500 桶) is the stock', () => {
    expect(run('仓库存放乙醇（95%）桶装 160 kg × 3,500 桶').features.chemicals).toEqual([
      expect.objectContaining({ name: '乙醇', amountT: 560 }),
    ]);
  });

  it('a tank filled to the share the text says (装到九成, 按80%液位) holds that share, shown in the reason', () => {
    const o = run('做挖机结构件，切割气用的丙烯，厂里有个30方的丙烯储罐，一般装到九成，比乙炔便宜多了。');
    expect(o.features.chemicals).toEqual([expect.objectContaining({ name: '丙烯', amountT: 13.8, fillRatio: 0.9 })]);
    expect(reasons(o).some((x) => x.includes('装填90%') && x.includes('临界量10吨'))).toBe(true);
    // …the vessel that holds ammonia is named by the substance, and the density the text states is used
    const cold = run('冷库氨制冷，机房设高压贮氨器2台、每台15立方米，正常按80%液位运行（液氨密度按0.6吨/立方米计）');
    expect(cold.features.chemicals).toEqual([expect.objectContaining({ name: '液氨', amountT: 14.4 })]);
    // (a concentration is no fill: 甲醛溶液37%)
    expect(run('甲醛溶液（37%）储罐20立方').features.chemicals[0]?.fillRatio).toBeUndefined();
  });

  it('a polymer or an acid of a monomer is not the monomer (聚丙烯, 丙烯酸), and a gas compared with is not held', () => {
    expect(run('年产聚丙烯无纺布5000吨').features.chemicals).toEqual([]);
    expect(run('丙烯酸树脂乳液生产').features.chemicals.map((c) => c.name)).not.toContain('丙烯');
    expect(run('切割气用丙烯，比乙炔便宜').features.chemicals.map((c) => c.name)).toEqual(['丙烯']);
  });

  it('below the 临界量 it is small-scale use: eligible, with the 柔性审批 review and its source', () => {
    const o = run('实验室少量使用丙酮，年用量约0.5吨');
    expect(o.results.some((r) => r.excluded)).toBe(false);
    const flags = o.results[0]!.flags;
    expect(flags.some((f) => f.code.includes('pilot-flexible') && f.source.includes('南政发〔2025〕1号'))).toBe(true);
  });

  it('named without an amount: not excluded, but flagged for an environmental check (需环保核实)', () => {
    const o = run('溶剂贸易公司，仓库存放甲醇');
    expect(o.results.some((r) => r.excluded)).toBe(false);
    expect(o.results[0]!.flags.some((f) => f.code === 'env-check' && renderReason(f.reason).includes('甲醇'))).toBe(true);
  });

  it('a chemical the lead makes is its product (年产10万吨甲醇): the chemical-manufacturing rule speaks', () => {
    const o = run('年产10万吨甲醇项目');
    expect(reasons(o).some((x) => x.includes('化学原料'))).toBe(true);
  });

  it('several chemicals add up (GB 18218-2018 4.2.2): each below its 临界量, Σq/Q ≥ 1 is large-scale use', () => {
    // 甲醇 500 t (临界量 500 t → 0.6 of it: 300 t) and 丙酮 300 t (临界量 500 t): 0.6 + 0.6 = 1.2
    const o = run('溶剂回收车间，储存甲醇300吨；另储存丙酮300吨');
    expect(o.features.chemicals.every((c) => c.amountT! < c.thresholdT)).toBe(true);
    expect(o.features.pollution.hazardousChemicals).toBe(true);
    expect(o.features.pollution.pilotScale).toBeUndefined();
    expect(reasons(o).some((x) => x.includes('Σq/Q = 1.2'))).toBe(true);
  });

  it('a cold store with 氨制冷 names ammonia by its use (an alias written from the GB 18218-2018 表1 氨 row)', () => {
    expect(run('冷库，氨制冷，储存量约15吨').features.chemicals).toEqual([
      expect.objectContaining({ name: '氨制冷', thresholdT: 10, amountT: 15 }),
    ]);
  });
});

describe('stocks in an English or mixed mail (seventeenth session)', () => {
  it('a total beats its parts, a vessel’s own amount is not the stock, and thousands are one number', () => {
    expect(
      run('Hydrogen logistics: 5 tube trailers of about 1.1 t each plus a 1.5 t storage bank, i.e. up to 7 t of hydrogen on site.').features
        .chemicals,
    ).toEqual([expect.objectContaining({ amountT: 7 })]);
    expect(run('two 1,000 m³ tanks at about 85% fill – roughly 1,340 t of methanol on site').features.chemicals).toEqual([
      expect.objectContaining({ amountT: 1340 }),
    ]);
    expect(run('高纯 Cl2 从韩国进 1 吨的 ton containers，在库一般 12 个左右').features.chemicals).toEqual([
      expect.objectContaining({ amountT: 12, thresholdT: 5 }),
    ]);
    // (hydrogen named as a technology holds no stock)
    expect(run('We make hydrogen fuel-cell stacks for trucks.').features.chemicals).toEqual([]);
  });
});

describe('a month is no vessel (seventeenth session)', () => {
  it('每个月用30吨 after three tanks is a month’s use, not three tanks of 30 t', () => {
    expect(run('罐区有3个甲醇储罐，每个月用30吨甲醇').features.chemicals[0]?.amountT).not.toBe(90);
  });
});

describe('a chemical named in Latin letters is shown by its Chinese name too (seventeenth session)', () => {
  it('the reason reads 氢气（Hydrogen）约7吨, not Hydrogen alone', () => {
    const o = run('Hydrogen logistics: a 1.5 t storage bank, i.e. up to 7 t of hydrogen on site.');
    expect(reasons(o).some((x) => x.includes('氢气（Hydrogen）约7吨'))).toBe(true);
  });
});
