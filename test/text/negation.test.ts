import { describe, it, expect } from 'vitest';
import { negatedSpans, isNegated } from '../../server/text/negation.js';
import { normalizeText } from '../../server/text/normalize.js';

function negated(text: string, word: string): boolean {
  const t = normalizeText(text);
  const at = t.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return isNegated(negatedSpans(t), at, at + word.length);
}

describe('negation', () => {
  it.each([
    ['本项目不涉及铸造', '铸造'],
    ['不含电镀、酸洗工序', '酸洗'],
    ['不含电镀、酸洗工序', '电镀'],
    ['生产过程无废水排放', '废水'],
    ['除喷涂外均为组装', '喷涂'],
    ['除了电镀以外的表面处理', '电镀'],
    ['生产废水零排放', '废水'],
    ['电镀工序外包', '电镀'],
    ['没有印染环节', '印染'],
    ['不需要铸造', '铸造'],
    ['自己不承接电镀业务', '电镀'],
    ['厂内不热处理，也不喷漆', '喷漆'],
    // a stop told after what it stops, at its clause's end
    ['五金冲压，老车间的铬酸酐已经不用了', '铬酸酐'],
    ['电镀线也已经不用了，都外协', '电镀'],
    ['做铝型材挤压，阳极氧化厂里没有的，都外面做', '阳极氧化'],
    ['不锈钢管件，酸洗这块我们去年就拆了', '酸洗'],
    ['喷漆房现在没有了', '喷漆'],
    // …and a past the move left behind
    ['以前在老厂有过印染，搬过来只做成衣', '印染'],
    ['目前老厂内有喷漆房（溶剂型漆），迁建后喷漆改为整体外包', '喷漆房'],
  ])('%s: %s is negated', (text, word) => expect(negated(text, word)).toBe(true));

  it.each([
    ['做电镀加工', '电镀'],
    ['无锡的客户，做电镀', '电镀'],
    ['无尘车间生产，含电镀工序', '电镀'],
    ['不涉及铸造，但有电镀', '电镀'],
    ['不含铸造。主要工艺为电镀', '电镀'],
    ['无人机生产，需要喷涂', '喷涂'],
    ['除尘设备制造，有喷涂', '喷涂'],
    ['不锈钢制品酸洗', '酸洗'],
    ['不饱和聚酯树脂合成', '树脂合成'],
    ['面积不少于5000平，做电镀', '电镀'],
    ['不断扩大电镀产能', '电镀'],
    ['电镀线停了一条，还有三条在生产', '电镀'],
    ['化学镀镍这道没委外，我们自己做的', '化学镀镍'],
    ['电镀不用外协，自己做', '电镀'],
    ['以前在老厂有过印染，搬过来还是自己印染', '自己印染'],
  ])('%s: %s is not negated', (text, word) => expect(negated(text, word)).toBe(false));
});

describe('negation edge words', () => {
  it('无水泥制造 negates 水泥制造 (无水 is not 无水乙醇)', () => expect(negated('本项目无水泥制造', '水泥制造')).toBe(true));
});

describe('negation verbs', () => {
  it.each([
    ['口服固体制剂研发生产，不生产原料药', '原料药'],
    ['不从事电镀业务', '电镀'],
    ['未涉及印染', '印染'],
    ['也不涉及生物发酵', '生物发酵'],
    ['PVD物理镀膜，不是水电镀', '电镀'],
    ['不属于铸造项目', '铸造'],
  ])('%s: %s is negated', (text, word) => expect(negated(text, word)).toBe(true));
});
