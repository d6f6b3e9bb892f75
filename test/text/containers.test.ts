import { describe, expect, it } from 'vitest';
import { containerStock, statedDensity } from '../../server/text/containers.js';
import { normalizeText } from '../../server/text/normalize.js';

const stock = (text: string, density: number | null = null) => containerStock(normalizeText(text), density);

describe('a stock told by its containers', () => {
  it('counts times each one’s fill, in either order and in separate clauses', () => {
    expect(stock('仓库常备四百个吨桶，一桶装零点八吨')).toEqual({ t: 320, count: 400, each: 0.8 });
    expect(stock('铁桶装的，一桶二十五公斤，库里一般放三千桶')).toEqual({ t: 75, count: 3000, each: 0.025 });
    expect(stock('用的是500kg装的钢瓶，一共十二只')).toEqual({ t: 6, count: 12, each: 0.5 });
  });
  it('sums the full containers counted by their state; empties hold none (twenty-second session)', () => {
    expect(stock('液氯（1吨钢瓶），在用4瓶、满瓶备用6瓶')?.t).toBe(10);
    expect(stock('液氯1吨钢瓶，在用2瓶、空瓶3瓶')?.t).toBe(2);
  });
  it('reads the fill a container’s name says (吨袋, 吨钢瓶: a tonne; 吨桶: a cubic metre, by the density given)', () => {
    expect(stock('吨袋进货，一次进六十袋')?.t).toBe(60);
    expect(stock('吨钢瓶放了十五只左右')?.t).toBe(15);
    expect(stock('吨桶装，常备两百个吨桶', 0.79)?.t).toBe(158);
  });
  it('prefers a fill by mass to one by volume, and turns litres into tonnes by the density', () => {
    expect(stock('二百升的桶装，常备一千桶，一桶一百六十公斤')?.t).toBe(160);
    expect(stock('二百升的桶装，常备一千桶', 0.8)?.t).toBe(160);
  });
  it('reads a fill per container written with a slash or after the container’s word, and counts with thousands separated', () => {
    expect(stock('TDI 250kg/桶，常备500桶')).toEqual({ t: 125, count: 500, each: 0.25 });
    expect(stock('液氯钢瓶1吨装，库区常备12瓶')).toEqual({ t: 12, count: 12, each: 1 });
    expect(stock('乙醇，3,500桶，每桶160kg')).toEqual({ t: 560, count: 3500, each: 0.16 });
    // (each as written, without binary noise: 200 L at 0.87 is 0.174 t)
    expect(stock('甲苯200L桶装，最多存400桶', 0.87)?.each).toBe(0.174);
  });
  it('gives nothing without both a count and a fill, or for a single container', () => {
    expect(stock('常备三千桶')).toBeNull();
    expect(stock('一桶装零点九吨')).toBeNull();
    expect(stock('每年用2000吨，包装25公斤/袋')).toBeNull();
    expect(stock('')).toBeNull();
  });
});

describe('a density the text states', () => {
  it('in t/m³, g/cm³, kg/m³ or bare', () => {
    expect(statedDensity(normalizeText('甲苯储罐2个，各400立方，密度0.87'))).toBe(0.87);
    expect(statedDensity(normalizeText('液化气密度按0.51t/m³计'))).toBe(0.51);
    expect(statedDensity(normalizeText('密度0.67吨/立方'))).toBe(0.67);
    expect(statedDensity(normalizeText('密度为790kg/m3'))).toBe(0.79);
    expect(statedDensity(normalizeText('储罐300立方'))).toBeNull();
  });
});
