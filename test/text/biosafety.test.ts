import { describe, expect, it } from 'vitest';
import { labWork } from '../../server/text/biosafety.js';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('labWork: 第98项 told by the work', () => {
  it('needs both cues in one sentence: a modification and an organism built', () => {
    expect(labWork('主要是crispr改造酵母和大肠杆菌底盘菌，高通量筛选').map((w) => w.title)).toContain('转基因实验室');
    expect(labWork('我们用crispr做细胞功能研究')).toEqual([]);
    expect(labWork('小鼠药效评价平台')).toEqual([]);
    // (software, a test or the opposite claim are not the work)
    expect(labWork('sgrna设计软件，预测基因编辑小鼠的脱靶')).toEqual([]);
    expect(labWork('食品中转基因成分检测，玉米、大豆样品')).toEqual([]);
    expect(labWork('原料为非转基因大豆')).toEqual([]);
    expect(labWork('转基因小鼠饲料生产')).toEqual([]);
  });
  it('reads a live high-consequence pathogen beside a challenge, not a pseudovirus', () => {
    expect(labWork('结核分枝杆菌气溶胶攻毒小鼠').map((w) => w.title)).toEqual(['P3、P4生物安全实验室']);
    expect(labWork('做假病毒中和实验，新冠相关')).toEqual([]);
    expect(labWork('常规小鼠肿瘤模型攻毒前免疫')).toEqual([]);
  });
});

describe('第98项 in a lead', () => {
  it('excludes the lab that builds modified organisms or challenges with live pathogens', () => {
    expect(
      excludedEverywhere(
        'We generate knockout and knock-in mouse lines in-house – CRISPR/Cas9 zygote microinjection and electroporation, embryo transfer and colony expansion.',
      ),
    ).toBe(true);
    expect(
      excludedEverywhere(
        'Agrivance Seeds wants a lab and greenhouses for gene-edited rice and maize: Agrobacterium transformation and screening.',
      ),
    ).toBe(true);
    expect(excludedEverywhere('感染模型平台想落在我们孵化器：结核分枝杆菌气溶胶攻毒小鼠、布鲁氏菌腹腔攻毒豚鼠，独立负压动物房')).toBe(true);
    expect(excludedEverywhere('他们要做活病毒的中和实验 就是新冠那些野毒株 要在负压的那种实验室里面做')).toBe(true);
  });
  it('keeps the lab that denies the work, hands it out, or only sells and designs for it', () => {
    expect(excludedNowhere('做氨基酸高产菌株的诱变选育，不做基因编辑，实验室最大发酵罐5升')).toBe(true);
    expect(excludedNowhere('疫苗研发中心只建BSL-2实验室，攻毒实验委托外部P3平台完成')).toBe(true);
    expect(excludedNowhere('他们做基因编辑的设计软件 就是sgRNA设计 脱靶预测 湿实验全部外包给苏州一个CRO')).toBe(true);
    expect(excludedNowhere('销售中心只租办公300㎡；基因编辑小鼠在南京基地繁育后直接发往客户，园区不养动物。')).toBe(true);
  });
});
