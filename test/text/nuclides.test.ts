/**
 * 第172项 核技术利用建设项目 told by its nuclides (server/text/nuclides.ts): producing a radionuclide (not a PET drug's), a
 * 甲级 unsealed-source workplace — and a lead that only uses, buys or measures them is kept.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../server/text/normalize.js';
import { nuclideWork } from '../../server/text/nuclides.js';
import { cleanParkReader } from '../helpers/clean-parks.js';

const read = (t: string) => nuclideWork(normalizeText(t)).map((w) => [w.shown, w.title]);
const { excludedEverywhere, excludedNowhere, run } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('nuclideWork', () => {
  it('reads a verb of producing with the nuclides it produces, in either order', () => {
    expect(read('回旋加速器生产碘-123、铊-201、锗-68等医用放射性同位素')).toEqual([
      ['生产碘-123', '生产放射性同位素的（制备PET用放射性药物的除外）'],
    ]);
    expect(read('镥-177、碘-131同位素要自己生产')[0]?.[1]).toBe('生产放射性同位素的（制备PET用放射性药物的除外）');
    expect(read('a 30 MeV cyclotron to produce I-123, Tl-201 and In-111 for SPECT')[0]?.[0]).toBe('produce i-123');
  });
  it('leaves the PET drugs the 名录 excepts, and a noun between the nuclide and the verb', () => {
    expect(read('回旋加速器生产氟-18标记的FDG，供PET显像')).toEqual([]);
    expect(read('同位素检测仪器的生产与销售')).toEqual([]);
    expect(read('我们生产辐射防护用品，客户是同位素生产企业')).toEqual([]);
  });
  it('reads a 甲级 unsealed-source workplace in either order', () => {
    expect(read('放射性工作场所按甲级设计')[0]?.[1]).toBe('甲级非密封放射性物质工作场所');
    expect(read('建设甲级非密封放射性物质工作场所一处')[0]?.[1]).toBe('甲级非密封放射性物质工作场所');
    expect(read('核素治疗病房，使用碘-131，乙级场所')).toEqual([]);
  });
});

describe('第172项 in a lead', () => {
  it('excludes a lead that produces radionuclides or runs a 甲级 workplace, citing the item', () => {
    const text = '项目建设内容：一台30MeV回旋加速器及固体靶、气体靶系统，生产碘-123、铊-201、锗-68等医用放射性同位素，并建设热室。';
    expect(excludedEverywhere(text)).toBe(true);
    expect(run(text).features.eia.some((e) => e.items.includes(172))).toBe(true);
    expect(excludedEverywhere('核药研发企业：操作碘-131、镥-177等核素，放射性工作场所按甲级设计。')).toBe(true);
  });
  it('keeps a lead that buys or uses them, or denies producing them', () => {
    expect(excludedNowhere('我们医院核医学科外购镥-177做治疗，不生产同位素')).toBe(true);
    expect(excludedNowhere('本项目建设PET药物制备中心，回旋加速器生产氟-18标记的FDG')).toBe(true);
  });
});
