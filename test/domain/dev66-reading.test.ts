/**
 * What dev66 (a 山东 county's leads, written blind) found on arrival: a lab stage the text says is done before the pilot
 * plant it plans, a supplier the lead buys its processed material from (从…印染厂买成品印花布), and an English cell line
 * whose later sentence states the power it needs (not a solar farm's output).
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev66 on arrival', () => {
  it('a lab stage said done leaves the pilot plant it precedes (小试已做完…建百吨级中试线: 第44项 含研发中试)', () => {
    expect(
      excludedEverywhere('课题是光刻级聚酰亚胺浆料，小试已做完，想在园区找1000平方米厂房建百吨级中试线，包括二胺、二酐缩聚反应釜两台'),
    ).toBe(true);
    // (…a lab stage still running is the 柔性审批's, a pilot only hoped for later)
    expect(excludedNowhere('聚酰亚胺浆料，目前在做小试，缩聚反应釜1L，以后可能建中试线')).toBe(true);
  });
  it('a processed material the lead buys is its input, and the works it buys from a supplier (从…印染厂买成品印花布)', () => {
    expect(
      excludedNowhere('男装衬衫，面料全部从绍兴、常州的印染厂买成品色织布和印花布，厂里只做裁剪、缝制、锁钉、整烫、包装，吊挂流水线8条'),
    ).toBe(true);
    expect(excludedNowhere('货架厂：外购镀锌板冲压成型，组装后出货')).toBe(true);
    // (…not the means to make it bought, nor a material it then processes itself)
    expect(excludedEverywhere('我们买坯布回来自己做印花布，年产500万米')).toBe(true);
    // (…and paper made from bought pulp is still paper making: 买商品木浆板回来碎浆抄纸)
    expect(excludedEverywhere('母婴纸品那家 说自己要上两台新月型卫生纸机 买商品木浆板回来碎浆抄纸 再分切做抽纸')).toBe(true);
  });
  it('an English cell line is the lead’s whatever power a later sentence asks for (Requirements: 60 MW power)', () => {
    expect(
      excludedEverywhere(
        'We are evaluating Shandong for a 5 GW TOPCon cell line: texturing, boron diffusion, LPCVD poly, laser, metallization and firing. Requirements: 80,000 m2 building, 60 MW power.',
      ),
    ).toBe(true);
    // (…a rooftop of cells making power, in the same sentence, makes none)
    expect(excludedNowhere('We run a 20 MW solar cell plant on our roofs, feeding the grid.')).toBe(true);
  });
});
