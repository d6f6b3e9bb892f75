import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../server/text/normalize.js';
import { cleanParkReader } from '../helpers/clean-parks.js';

const { excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');

describe('normalizeText: a transcript spaced word by word', () => {
  it('takes out the spaces a recogniser put between words, not the pauses of a note', () => {
    expect(normalizeText('对 就是 做 新能源 相关 的 嗯 但是 具体 他们 没 说 是 做 电池 还是 光伏')).toBe(
      '对就是做新能源相关的嗯但是具体他们没说是做电池还是光伏',
    );
    // (a note whose spaces are its pauses keeps them: one space to every nine characters or so)
    const paused = '他们那个热电项目啊 规模不大 一台七十五吨的循环流化床 烧煤为主';
    expect(normalizeText(paused)).toBe(paused);
    // (…and a short text or one in English is left as it is; offsets stay those of the text as written)
    expect(normalizeText('做 电池 的')).toBe('做 电池 的');
    expect(normalizeText('We make 电池 packs')).toBe('we make 电池 packs');
  });
  it('reads such a transcript’s hand-off as typed text’s', () => {
    expect(
      excludedNowhere(
        '嗯 我们是 做 液压油缸的 主要 给 挖掘机 起重机 配套 缸筒 是 自己 珩磨 焊接 活塞杆 那个 镀硬铬 是 委托 常州 那边 一家 专业的 厂 做',
      ),
    ).toBe(true);
  });
});

describe('traditional characters', () => {
  it('reads a traditional text as simplified, one character for one (offsets as written)', () => {
    const t = '敝公司為台灣手錶品牌，製程含CNC、拋光及電鍍';
    const n = normalizeText(t);
    expect(n).toBe('敝公司为台湾手表品牌,制程含cnc、抛光及电镀');
    expect(n.length).toBe(t.length);
  });
  it('leaves a simplified text as written', () => {
    // (著 and 苧 are simplified characters too: OpenCC converts them by phrase, and they are left)
    expect(normalizeText('著名企业，做电镀和苧麻纺织')).toBe('著名企业,做电镀和苧麻纺织');
  });
});
