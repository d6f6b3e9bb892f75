/**
 * Aerosols kept as a stock (server/text/aerosols.ts; GB 18218-2018 表2 W3, 150 t net): cans counted with each one's net
 * content or tonnes net; flammable where a propellant or a category says so, taken as flammable (and said so) where the text
 * leaves it unsaid, and not read where it says they are not.
 */
import { describe, expect, it } from 'vitest';
import { aerosolStock } from '../../server/text/aerosols.js';
import { normalizeText } from '../../server/text/normalize.js';
import { cleanParkReader } from '../helpers/clean-parks.js';

const read = (t: string) => aerosolStock(normalizeText(t));
const { run, excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('aerosol stock', () => {
  it('counts cans times their net content in a sentence of stock, Chinese or English', () => {
    expect(read('气雾剂成品库存约60万罐，每罐净含量300克，抛射剂为丙丁烷')?.t).toBe(180);
    expect(
      read(
        'aerosol filling with hydrocarbon propellant, about 40 million cans a year. Our warehouse would normally hold around 600,000 cans of 300 g net each.',
      ),
    ).toMatchObject({ t: 180, count: 600_000 });
    // (counted by the case: cases × cans in each × net content)
    expect(read('分拨仓存放化油器清洗剂等易燃气溶胶罐，旺季库存约7万箱，每箱24罐，每罐净含量约100克')).toMatchObject({
      t: 168,
      count: 1_680_000,
    });
    expect(read('warehouse stock of aerosols at peak: 70,000 cases of 24 cans, each 100 g net')).toMatchObject({ t: 168 });
    // (a yearly output is no stock)
    expect(read('气雾剂灌装，年产4000万罐，每罐净含量300克，抛射剂为二甲醚')).toBeNull();
  });
  it('takes aerosols whose flammability is unsaid as flammable, and says so; reads nothing where the text says they are not', () => {
    expect(read('汽车养护用品仓：刹车清洗剂等气雾罐约60万罐，每罐净含量300克，库存')).toMatchObject({ t: 180, flammable: '' });
    expect(read('成品仓库设计最大存放气雾剂净重180吨')).toMatchObject({ t: 180, flammable: '' });
    const f = run('产品：化油器清洗剂等气雾罐产品灌装；仓储：成品仓库设计最大存放气雾剂净重180吨').features.chemicals;
    expect(f.map((c) => [c.name, c.amountT])).toEqual([['气溶胶（净重，未述燃烧性）', 180]]);
    expect(f[0]!.source).toContain('以SDS为准');
    expect(read('奶油气雾罐库存约60万罐，每罐净含量300克，抛射剂为氮气，不燃')).toBeNull();
  });
  it('the propellant is part of the cans, unless the text keeps it apart in tanks (then both count)', () => {
    const cans = run('气雾剂成品库存约60万罐，每罐净含量300克，抛射剂为丙丁烷').features.chemicals;
    expect(cans.map((c) => c.name)).toEqual(['气溶胶（易燃，净重）']);
    expect(excludedEverywhere('气雾剂成品库存约60万罐，每罐净含量300克，抛射剂为丙丁烷')).toBe(true);
    const both = run('气雾剂灌装厂：抛射剂丙丁烷储罐2×100m³，成品库存约60万罐，每罐净含量300克').features.chemicals;
    expect(both.map((c) => c.name).sort()).toEqual(['丁烷', '气溶胶（易燃，净重）'].sort());
    expect(excludedNowhere('气雾剂成品库存约20万罐，每罐净含量300克，抛射剂为丙丁烷')).toBe(true);
  });
});
