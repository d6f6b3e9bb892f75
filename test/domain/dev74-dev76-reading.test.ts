/**
 * From dev74, dev75 and dev76 (blind, 2026-12-07): coal and oil boilers said by their type, in words or in English; textile
 * dyeing and printing told by the trade's words rather than 染色/印花; a hand-off given up (不想再外发) or told as a reason; a
 * gas named by its pipe is not held; a slaughter told with the verb before its year's count.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('boilers by type (第91项, over 65 t/h in all)', () => {
  it('reads fuel oil said in full, tonnes said before the boiler, and a CFB whose sentence burns coal', () => {
    expect(excludedEverywhere('区域供热公司：打算上两台35吨的燃料油锅炉，重油的，说天然气太贵。')).toBe(true);
    expect(excludedNowhere('区域供热公司：打算上两台30吨的燃料油锅炉，重油的。')).toBe(true);
    expect(excludedEverywhere('他们那个热电项目啊 规模不大 一台七十五吨的循环流化床 烧煤为主')).toBe(true);
    // (…a CFB that burns biomass is not a coal boiler)
    expect(excludedNowhere('生物质热电：一台七十五吨的循环流化床，燃料为秸秆和木屑。')).toBe(true);
  });
  it('reads English boilers counted before and rated each after', () => {
    expect(excludedEverywhere('Steam supply: we plan three pulverised-coal boilers, 25 t/h each, with SCR and wet FGD.')).toBe(true);
    expect(excludedNowhere('Steam supply: we plan two pulverised-coal boilers, 25 t/h each, with SCR and wet FGD.')).toBe(true);
    expect(excludedEverywhere('Captive CHP: 2 × 130 t/h CFB boilers (bituminous coal) + 2 × 25 MW back-pressure turbines.')).toBe(true);
  });
});

describe('textile dyeing and printing told by the trade (第28项)', () => {
  it('reads garment dyeing, vats and screen printing on garments as the lead’s', () => {
    expect(excludedEverywhere('就是成衣染嘛 衣服先做好 然后整件下缸 这个工序他们想自己做 不外发了 缸要八台')).toBe(true);
    expect(excludedEverywhere('色纺纱企业，原料为棉散纤维，散纤维在厂内自己上缸（散毛缸12台），再混色、纺纱。')).toBe(true);
    expect(excludedEverywhere("We'd like our own GD room next to the sewing floor: 12 rotary garment-dye machines for hoodies.")).toBe(
      true,
    );
    expect(excludedEverywhere('我们是做文化衫的 丝印 胶浆 水浆 还有发泡浆 一天三千件左右 都是网版的')).toBe(true);
  });
  it('keeps screen printing that is not on textiles, and dyeing that is sent out', () => {
    expect(excludedNowhere('手机玻璃盖板丝印、镀膜外协，厂内只做贴合组装。')).toBe(true);
    expect(excludedNowhere('卫衣品牌，成衣染都发给盛泽的染厂做，园区只做设计和仓储。')).toBe(true);
  });
  it('a hand-off given up, or told as a reason, leaves the step the lead’s', () => {
    expect(excludedEverywhere('做童装的 现在想把印花也收回来自己做 就是裁片的丝网印花 水浆胶浆都有 不想再外发了 因为外发老是拖货期')).toBe(
      true,
    );
  });
});

describe('dev75: stocks and counts said in passing', () => {
  it('a gas named by its pipe is piped in, not held: the tanks are the other gas’s', () => {
    const text = '燃料供应：在天然气管网接通前，厂区设液化石油气气化站，储罐2台，单罐50 m³，最大充装率85%，液化石油气密度按0.55 t/m³计。';
    // (2 × 50 m³ × 0.85 × 0.55 t/m³ = 46.75 t < 50 t)
    expect(excludedNowhere(text)).toBe(true);
    expect(excludedEverywhere(text.replace('单罐50 m³', '单罐80 m³'))).toBe(true);
  });
  it('a slaughter told with the verb before the year’s count (拉活牛过来杀 一年大概一万五千头牛) is 第18项 at 肉牛1万头', () => {
    expect(excludedEverywhere('老板说要整个屠宰场 直接从内蒙拉活牛过来杀 一年大概一万五千头牛 毛肚黄喉牛肉都自己分割')).toBe(true);
    expect(excludedNowhere('火锅食材企业，自建屠宰线，拉活牛过来杀，一年大概五千头牛')).toBe(true);
  });
  it('each vessel’s size is its own whatever talk runs on after it (每个二十五个立方新厂也照这个配)', () => {
    // (2 × 25 m³ of liquid ammonia ≥ 10 t)
    expect(excludedEverywhere('电机铁芯退火用氨分解的保护气所以厂里有两个液氨储罐每个二十五个立方新厂也照这个配其他就是冲压叠压')).toBe(
      true,
    );
  });
});

describe('coatings only mixed from bought binders (第44项 不含…混合)', () => {
  it('keeps a coatings maker that disperses bought emulsions or extrudes bought resin', () => {
    expect(excludedNowhere('水性工业漆：外购丙烯酸乳液、颜填料、助剂，分散—研磨—调漆—过滤—灌装，不自产树脂，年产1万吨。')).toBe(true);
    expect(
      excludedNowhere(
        'Waterborne industrial coatings: we disperse and let down purchased acrylic emulsions with pigments, fillers and additives – high-speed dispersers, bead mills, tinting, filling into pails. No reactors, no resin cooking.',
      ),
    ).toBe(true);
    // (…a firm's name in a row's field is no coating it uses: 企业：彩固涂料（常州）)
    expect(
      excludedNowhere(
        '粉末涂料｜外购端羧基聚酯树脂、TGIC/HAA固化剂、颜填料，预混—熔融挤出—压片—粉碎—分级，无树脂合成｜3万吨/年｜企业：彩固涂料（常州）',
      ),
    ).toBe(true);
  });
  it('still excludes the maker that cooks its resin, and a bioreactor said to need no synthesis', () => {
    expect(excludedEverywhere('涂料厂，树脂自产，酯化缩聚后调漆，年产2万吨')).toBe(true);
    expect(
      excludedEverywhere(
        'We plan 2 × 2,000 L single-use bioreactors producing monoclonal antibody drug substance. No chemical synthesis on site.',
      ),
    ).toBe(true);
  });
});

describe('dev76: a plan told before and dropped; chips bought with their grades', () => {
  it('spinning bought chips is 第50项’s carve-out once the polymerisation told before is dropped', () => {
    expect(
      excludedNowhere(
        '企业确认：原来讲的30万吨聚合直纺项目已经不再推进。新方案：改为外购有光、阳离子等差别化聚酯切片，建设切片纺丝线8条，年产差别化FDY 6万吨。',
      ),
    ).toBe(true);
    expect(excludedEverywhere('新方案：以PTA、MEG为原料聚合直纺，建设聚合装置两套，年产差别化FDY 30万吨。')).toBe(true);
  });
});
