/**
 * Reading leads as short lead-list rows and as staff's chat questions (the twenty-second session's dev sets, dev49 and
 * dev50): a product whose making is fermentation, a works' building or park named as a place or a market, a question
 * about landing after what was said of the lead, a step handed out in English, infrastructure the lead builds.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { negatedSpans } from '../../server/text/negation.js';
import { normalizeText } from '../../server/text/normalize.js';

const { run, cleanResults, excludedEverywhere, excludedNowhere, reasons } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('a product whose making is the process (process-signatures.tsv, role made)', () => {
  it('made here, it is fermentation, with the 名录 item of its class', () => {
    expect(excludedEverywhere('高活性干酵母，原料糖蜜，1.2万吨/年')).toBe(true);
    expect(reasons('黄原胶项目，玉米淀粉做碳源，年产8000吨').some((r) => r.includes('第24项') && r.includes('黄原胶'))).toBe(true);
    expect(excludedEverywhere('年产3万吨柠檬酸')).toBe(true);
  });
  it('traded, bought in, blended or packed only, or used, it is not', () => {
    expect(excludedNowhere('黄原胶经销，仓库2000平')).toBe(true);
    expect(excludedNowhere('外购黄原胶复配增稠剂，年产3000吨')).toBe(true);
    expect(excludedNowhere('做面包的，用干酵母，年产面包5000吨')).toBe(true);
    expect(excludedNowhere('清洗剂生产，主要原料柠檬酸、表面活性剂，年产5000吨')).toBe(true);
    // (a salt, a chelate or a tablet of it is another product, made from the bought acid or yeast)
    expect(excludedNowhere('年产1万吨柠檬酸钠')).toBe(true);
    expect(excludedNowhere('赖氨酸锌螯合物，年产500吨')).toBe(true);
    expect(excludedNowhere('干酵母片，年产5亿片')).toBe(true);
    // (used by a bare 用 or added, it is an input; a bakery's text names another trade unless the product's own clause says it
    // is made here)
    expect(excludedNowhere('用鲜酵母做馒头，年产馒头3000吨')).toBe(true);
    expect(excludedNowhere('代糖饮料，添加赤藓糖醇，年产5万吨')).toBe(true);
    expect(excludedNowhere('烘焙店，用鲜酵母做面包，年产面包3000吨')).toBe(true);
    expect(excludedEverywhere('烘焙食品集团新建面包车间；另建酵母车间，以甘蔗糖蜜为原料，年产鲜酵母1.5万吨，除自用外对外销售')).toBe(true);
  });
});

describe('a polluting trade named as a place, a market or a contract', () => {
  it('a former works’ building, a trade’s park sold to, a kiln’s treatment contracted, mixing only', () => {
    expect(excludedNowhere('租下原印染厂房，做服装设计')).toBe(true);
    expect(excludedNowhere('电镀挂具和过滤机，主要卖电镀园区')).toBe(true);
    expect(excludedNowhere('水泥窑SCR脱硝工程总包')).toBe(true);
    expect(excludedNowhere('BB肥（掺混肥）物理掺混，年产5万吨')).toBe(true);
    expect(excludedNowhere('植鞣皮具手工工作室，皮料外购')).toBe(true);
    expect(excludedEverywhere('做植鞣革的，年产20万张')).toBe(true);
  });
  it('an English step handed out with no doer named is not the lead’s', () => {
    expect(excludedNowhere('Drone frames: CNC machining in-house, anodizing subcontracted')).toBe(true);
    expect(excludedEverywhere('Landing-gear components; chrome and cadmium plating are done in-house.')).toBe(true);
  });
});

describe('what staff say of a lead before asking where it may land', () => {
  it('a question about the park does not turn the statements before it into questions', () => {
    expect(excludedEverywhere('说他们有个电镀车间，镀铬镀镍都自己做，能进咱们新园区吗？')).toBe(true);
    expect(excludedNowhere('请问你们有电镀工序吗？')).toBe(true);
  });
  it('a stock its store is designed for (储氯间按30吨设计), and a curated 中药 class extracting beyond water and ethanol', () => {
    expect(excludedEverywhere('城市供水BOT项目的投资方，新水厂消毒用液氯，储氯间按30吨设计，要40亩')).toBe(true);
    expect(excludedEverywhere('中成药，工艺：丹参脂溶性成分乙酸乙酯提取、柱层析精制，年产500吨')).toBe(true);
    expect(excludedNowhere('中成药，水提醇沉，年产500吨')).toBe(true);
  });
  it('a class named whole by the 名录, made on site (都在厂里), and a stock in English', () => {
    expect(excludedEverywhere('地铁车辆总装厂，车体焊接、涂装和整车总装都在厂里，要300亩')).toBe(true);
    expect(excludedEverywhere('Our hub will hold anhydrous HF, about 3 tonnes in cylinders')).toBe(true);
    expect(excludedEverywhere('万吨级散货船建造，配套船坞')).toBe(true);
  });
});

describe('dev51 and dev52: polluters told unlike a rule book, stocks told every way', () => {
  const chem = (summary: string) => run(summary).features.chemicals;
  it('plating said as putting the metal on (自己上镍铬线), not solder tinning or bought parts', () => {
    expect(excludedEverywhere('龙头厂：铜棒热锻出毛坯—机加—抛光—自己上镍铬线—组装试水')).toBe(true);
    expect(excludedNowhere('线束加工，端子自己上锡，年产100万条')).toBe(true);
    expect(excludedNowhere('上铬外协，自己只做组装')).toBe(true);
  });
  it('a chemical a step of the lead uses is consumed (涂布用NMP); a works it only supplies is its customer', () => {
    expect(excludedNowhere('我们极片正极涂布用NMP，冷凝加精馏回收塔把自己车间的NMP收回来再用')).toBe(true);
    expect(excludedNowhere('做TPMS胎压监测的，跟轮胎厂只是配套关系')).toBe(true);
  });
  it('a scope’s exception in brackets is negated (（除生产性废旧金属）), a step in brackets is not (（除油、酸洗、镀镍）)', () => {
    const t = normalizeText('经营范围：再生资源回收（除生产性废旧金属）');
    const at = t.indexOf('废旧金属');
    expect(negatedSpans(t).some(([s, e]) => s <= at && e >= at + 4)).toBe(true);
    expect(excludedEverywhere('钢管餐椅，年产80万把，车间自带一条镀铬线（除油、酸洗、镀镍、镀铬）')).toBe(true);
  });
  it('a motorcycle maker named by its works or its trade (摩托车厂问, 做摩托车的) is more than assembly; its supplier is not', () => {
    expect(excludedEverywhere('摩托车厂问：车架焊接、涂装我们自己做，发动机也自己装，整车下线，年产50万辆')).toBe(true);
    expect(excludedEverywhere('我们是做摩托车的，车架自己焊，塑料件自己喷，发动机是外购的，整车在厂里装，一年大概20万台')).toBe(true);
    expect(excludedNowhere('为摩托车厂配套减震器，年产100万支')).toBe(true);
    expect(excludedNowhere('摩托车整车组装，发动机、车架外购，仅组装')).toBe(true);
  });
  it('a car plant’s four shops in English; a metro car plant that delivers a yearly count', () => {
    expect(excludedEverywhere('新能源乘用车基地：四大工艺全上——stamping、body-in-white welding、paint shop、GA，年产20万辆')).toBe(true);
    expect(excludedEverywhere('轨道交通装备基地项目签约，主要建设铝合金车体焊接、涂装、总组及调试线，达产后年交付地铁车辆600辆')).toBe(
      true,
    );
  });
  it('mixing only (不做树脂合成，没有反应釜) is no 涂料制造 for the rules, but its class is still shown', () => {
    const o = run('我们水性涂料的乳液、钛白粉、填料、助剂全部外购，高速分散、砂磨、调色、过滤灌装，不做树脂合成，没有反应釜。');
    expect(cleanResults(o).every((r) => !r.excluded)).toBe(true);
    expect(o.features.codes).toContain('2641');
  });
  it('tank stocks: a fill ratio as a decimal, 无水 is anhydrous, 环氧丙烷, a liquid by its name, containers by state and loose counts', () => {
    expect(chem('二甲醚储罐2×40m³（充装0.85，液相密度0.67）')[0]?.amountT).toBe(45.6);
    expect(chem('无水一甲胺储罐1台20m³（充装系数0.85，20℃液相密度0.66t/m³）')[0]?.amountT).toBe(11.2);
    expect(chem('新增环氧丙烷压力储罐2×100m³（充装系数0.85）')[0]?.cas).toBe('75-56-9');
    expect(chem('液氢储运中心：两台300方液氢储罐')[0]?.amountT).toBe(42.6);
    expect(chem('储氯间按1吨液氯钢瓶布置：在线2只、备用4只，另留2个空瓶位')[0]?.amountT).toBe(6);
    expect(chem('一吨的液氯钢瓶平时放十来只')[0]?.amountT).toBe(10);
    expect(chem('醇基燃料配送｜甲醇储罐：2×1000m³｜工艺：加助燃剂调配')[0]?.amountT).toBe(1580);
    // (a stock counted from stated figures is not lifted by the whole text's tone)
    expect(excludedEverywhere('精密齿轮热处理（气体渗氮）：氨气由液氨钢瓶供给，800L钢瓶每瓶充装420kg，氨库最多存24瓶')).toBe(true);
    // (recycled feed taken in from outside is still the lead's feed)
    expect(excludedEverywhere('PET打包带，料是外面收来破碎洗好的矿泉水瓶片，结晶干燥以后熔融挤出，一条线一天15吨')).toBe(true);
    // (a store said after a purchase is the stock: 电石一个月进三百吨，库里常压着一百五十吨)
    expect(chem('电石一个月进三百吨，库里常压着一百五十吨').find((c) => c.name === '电石')?.amountT).toBe(150);
    // (a density is no amount: 液相密度按0.50t/m³)
    expect(chem('液化石油气储罐2×100m³（充装0.9，液相密度按0.50t/m³）')[0]?.amountT ?? null).not.toBe(0.5);
  });
});
