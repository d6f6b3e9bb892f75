/**
 * Reading a 珠三角 office's notes (dev56): written Cantonese's function words read as Mandarin's, a verb of buying that
 * distributes over a list, a service company named before a colon, bought-in material said as 进料, a tank named by the
 * abbreviation of what it holds, a question about something else at the end of a run-on note, and an English vehicle plant.
 */
import { describe, expect, it } from 'vitest';
import { cleanParkReader } from '../helpers/clean-parks.js';
import { actorIn } from '../helpers/actors.js';
import { normalizeText } from '../../server/text/normalize.js';

const { excludedEverywhere, excludedNowhere } = cleanParkReader('env-clean-hazchem-not-pilot');
const whoMakes = (text: string, word: string) => actorIn(text, word, 'product');
const who = (text: string, word: string) => actorIn(text, word);

describe('written Cantonese', () => {
  it('its function words are Mandarin’s, one character for one; words that are also Mandarin stay as written', () => {
    expect(normalizeText('佢哋唔做电镀，冇废水，喺东区')).toBe('他们不做电镀,无废水,在东区');
    expect(normalizeText('大部分仲系用水性漆')).toBe('大部分还是用水性漆');
    expect(normalizeText('新厂净系铜件机加工')).toBe('新厂只是铜件机加工');
    // (系 of 系统, 仲 of 仲裁: Mandarin words)
    expect(normalizeText('都系统一采购，仲裁委员会')).toBe('都系统一采购,仲裁委员会');
    for (const s of ['佢哋唔做电镀', '仲系用', 'ABC１２３']) expect(normalizeText(s).length).toBe(s.normalize('NFKC').length);
  });
  it('a plan given up in Cantonese (已经唔搞啦) and a paint used (仲系用水性漆) exclude nowhere; recycled plastic fed in does', () => {
    expect(excludedNowhere('佢哋本来想喺新厂起返条电镀线镀龙头 后尾睇过政策 已经唔搞啦 改为全部发去江门嘅电镀园 新厂净系铜件机加工')).toBe(
      true,
    );
    expect(excludedNowhere('嗰个做实木茶台嘅老细话佢哋规模细 一年油漆连天那水都系七吨左右 大部分仲系用水性漆同UV漆')).toBe(true);
    expect(excludedEverywhere('佢哋系收返啲旧胶桶 旧周转箱 打碎洗干净再造粒 然后啤成胶卡板 一个月用回料几百吨')).toBe(true);
  });
});

describe('who makes or does it', () => {
  it('a verb of buying after a list buys each of it (原纸和PET膜都是外购; 电镀和喷涂都是外协)', () => {
    expect(whoMakes('离型纸厂说原纸和PET膜都是外购，他们只是在上面涂硅油', '原纸')).toBe('offSite');
    expect(who('电镀和喷涂都是外协', '电镀')).toBe('offSite');
    expect(who('电镀和喷涂都是自己做', '电镀')).toBe('own');
    expect(excludedNowhere('离型材料那家（做离型纸、离型膜的）说原纸和PET膜都是外购，他们只是在上面涂硅油、烘干、分切')).toBe(true);
  });
  it('a machine in a list is a product of its own before a whole machine (SMT贴片机和AOI检测设备), not before parts (压铸机、注塑机配件)', () => {
    expect(whoMakes('台资那家做SMT贴片机和AOI检测设备的', 'smt贴片机')).toBe('own');
    expect(who('主营压铸机、注塑机配件', '压铸机')).toBe('modifier');
    expect(who('电镀和喷涂设备制造', '电镀')).toBe('modifier');
  });
  it('a related company’s or the group’s plant does it, not this project (子公司在江西有电镀厂; 集团安徽工厂做原料药，本次…是研发中心)', () => {
    expect(excludedNowhere('子公司在江西有电镀厂，本项目为研发总部')).toBe(true);
    expect(excludedNowhere('集团安徽工厂做原料药，本次上海项目是集团的研发注册中心和商业运营总部')).toBe(true);
    expect(excludedEverywhere('集团新建工厂做原料药，年产200吨')).toBe(true);
    expect(excludedEverywhere('我们在江西有电镀厂，新项目也要建电镀线')).toBe(true);
  });
  it('a slogan’s 铸造 forges nothing (铸造百年品牌); a foundry’s does', () => {
    expect(excludedNowhere('公司slogan是“铸造百年品牌”，主营智能门锁研发生产')).toBe(true);
    expect(who('铸造百年品牌', '铸造')).not.toBe('own');
  });
  it('material said as 进料 is bought in (成品革进料)', () => {
    expect(whoMakes('皮鞋厂｜成品革进料，不鞣不染', '成品革')).toBe('offSite');
    expect(excludedNowhere('皮鞋厂｜成品革进料，不鞣不染')).toBe(true);
  });
  it('a service company named before a colon is the lead, not the firms it serves (辐照服务公司：建钴-60辐照中心)', () => {
    expect(who('走访 辐照服务公司：想在东区建钴-60γ射线辐照中心，设计装源活度300万居里', 'γ射线辐照')).toBe('own');
    expect(excludedEverywhere('走访 辐照服务公司：想在东区建钴-60γ射线辐照中心，设计装源活度300万居里，主要做医疗耗材灭菌')).toBe(true);
    // (…while 服务 before the word still names whom the lead serves)
    expect(who('我们服务电镀企业，提供环保咨询', '电镀')).not.toBe('own');
  });
});

describe('scales, stocks and plants told other ways', () => {
  it('a question at the end of a run-on note asks about land, not about the step (大池发酵 … 问我们有无咁大块地)', () => {
    expect(
      excludedEverywhere('老细讲佢哋酱油厂想喺你哋度起个新厂 天然晒油 大池发酵 新厂一年出五万吨 要一百五十亩地 问我哋有冇咁大块地'),
    ).toBe(true);
    expect(excludedNowhere('老细讲佢哋酱油厂想喺你哋度起个新厂 天然晒油 大池发酵 新厂一年出一万吨 要五十亩地 问我哋有冇咁大块地')).toBe(
      true,
    );
  });
  it('a tank named by the abbreviation of what it holds (3个50m³卧式LPG储罐) holds it', () => {
    const text = '日用玻璃｜灯工用液化石油气：厂区设3个50m³卧式LPG储罐，充装系数0.85，液态密度按0.55t/m³';
    expect(excludedEverywhere(text)).toBe(true);
    expect(excludedNowhere(text.replace('3个50m³', '1个50m³'))).toBe(true);
    // (an English preposition before cylinders is no abbreviation: 3 tonnes in cylinders is the stock)
    expect(excludedEverywhere('Our hub will hold anhydrous HF, about 3 tonnes in cylinders and ISO tanks, for fabs in the region.')).toBe(
      true,
    );
  });
  it('an English vehicle plant with all four shops is 第71项 汽车整车制造; parts for vehicle plants are not', () => {
    expect(
      excludedEverywhere(
        'Voltaire Motors is shortlisting sites for a 100,000-unit-per-year vehicle plant with all four shops — stamping, body-in-white welding, paint shop and general assembly.',
      ),
    ).toBe(true);
    expect(excludedNowhere('We supply seats to vehicle plants; our line does stamping, welding and final assembly of seat frames.')).toBe(
      true,
    );
  });
});
