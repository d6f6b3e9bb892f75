/**
 * From fresh26's misses, printed once in the twenty-eighth session (the set counts as seen from then on): a substance in a
 * system that holds it (储热系统使用…约8000吨) is present there, a mixture's share named before its amount is that share,
 * and a step listed as done to a material bought in (外购已完成焙烧和石墨化的…) is its maker's.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('fresh26 (seen)', () => {
  it('a thermal-storage system’s salt is held in it, each salt by its share (60 % and 40 % of 8000 t)', () => {
    const f = run('熔盐储热清洁供暖示范项目签约，储热系统使用二元硝酸盐（硝酸钠60%、硝酸钾40%）约8000吨。').features;
    expect(f.chemicals.map((c) => [c.name, c.amountT, c.stored])).toEqual([
      ['硝酸钠', 4800, true],
      ['硝酸钾', 3200, true],
    ]);
    // (Σq/Q = 180/200 + 120/1000 = 1.02)
    expect(excludedEverywhere('储热系统使用二元硝酸盐（硝酸钠60%、硝酸钾40%）约300吨')).toBe(true);
    // (…a yearly purchase is no stock)
    expect(excludedNowhere('化肥经销，硝酸钾年销售300吨，仓库只放样品')).toBe(true);
  });
  it('a step listed as done to a material bought in is its maker’s (外购已完成焙烧和石墨化的石墨块)', () => {
    expect(
      excludedNowhere(
        '走访：碳谷新材（等静压石墨制品）外购已完成焙烧和石墨化的等静压石墨块，本地加工成光伏热场件和半导体用石墨件，工序只有机加工、清洗和检测。',
      ),
    ).toBe(true);
    expect(excludedEverywhere('等静压石墨制品，自建焙烧炉和石墨化炉，年产石墨块5000吨')).toBe(true);
  });
});
