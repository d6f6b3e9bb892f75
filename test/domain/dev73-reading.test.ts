/**
 * What dev73 (a 合肥 经开区's two months) found on arrival: a transcript's pause before 从…到 ends a negation (…不会着火 从铅粉
 * 和膏 涂板 到化成 都在厂里自己做), and a spent solvent named by the solvent (废NMP, NMP废液) that the lead collects from others
 * and recovers is hazardous waste it treats (名录 第101项) — not its own waste recovered in house, nor equipment for it.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('dev73 on arrival', () => {
  it('a pause before 从…到 ends a negation in a transcript (lead-acid paste mixing after 不会着火)', () => {
    expect(
      excludedEverywhere(
        '嗯 那个做储能电池的 不是锂电啊 是铅炭的 他们说铅炭安全不会着火 从铅粉 和膏 涂板 到化成 都在厂里自己做 一年三个GWh',
      ),
    ).toBe(true);
    // (…while a negation of the steps themselves still holds)
    expect(excludedNowhere('储能柜集成，电芯外购，不做和膏涂板，只做组装')).toBe(true);
  });
  it('a spent solvent taken in from others and recovered is 第101项; the lead’s own recovered in house is not', () => {
    expect(excludedEverywhere('收集周边锂电厂的废NMP，精馏提纯后卖回去')).toBe(true);
    expect(
      excludedEverywhere(
        '走访：安徽净源环保科技拟为区内及周边锂电企业提供NMP废液回收精馏再生服务，槽车收集各厂废液，再生NMP返售电池厂，设计处理能力5万吨/年。',
      ),
    ).toBe(true);
    expect(excludedNowhere('我们涂布车间产生的废NMP，厂内精馏回用')).toBe(true);
    expect(excludedNowhere('为锂电企业提供废NMP回收系统的运维服务')).toBe(true);
  });
});
