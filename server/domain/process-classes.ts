/**
 * The GB/T 4754-2017 class of an on-site process that is a trade of its own: a plant whose work is 电镀 or 热浸镀锌 is in
 * 3360 金属表面处理及热处理加工 whatever parts it plates, a dye house in 17x3 染整精加工, a foundry in 3391/3392 铸造. The
 * class is shown in `understanding.codes` beside the classes of what the lead makes (via the process word), so that a
 * lead read by its process (热浸镀锌 8万吨) says which class it is in; it is never used by a rule (the 名录 item comes
 * from the process itself).
 *
 * Written from the class names of GB/T 4754-2017 (编写: the process → class pairs; the classes and their names are the
 * standard's). A step that belongs to the trade of what is made (喷漆 of machinery, 发酵 of a drug or a food, 注塑) has
 * no class of its own here.
 */

/** A process's class, or the class chosen by the material the text names (the first pattern that matches wins). */
interface ProcessClass {
  code: string;
  by?: readonly { pattern: RegExp; code: string }[];
  /** The trade only where the text says this too (染色 is a dye house's only where cloth, yarn or garments are named). */
  needs?: RegExp;
  /** The class holds wherever the lead runs the process, not only where it puts the lead in a 报告书 (纺丝: 报告表). */
  anyCategory?: true;
}

const SURFACE: ProcessClass = { code: '3360' };
/** 染整: by the fibre or the fabric the text names (针织 1762, 化纤 1752 — 仿真丝 too —, 丝 1743, 毛 1723, 麻 1733), else 棉 1713. */
const DYEING: ProcessClass = {
  code: '1713',
  // (not the 染色 of an anodizing line, 硫酸槽、染色、封孔, nor of leather, wood or hair)
  needs: /布|纱|面料|纺|织|服装|衣|纤维|丝|毛|绒|棉|麻|印染|染厂|染整|fabric|textile|yarn|garment/,
  by: [
    { pattern: /针织|汗布|卫衣布|毛圈|罗纹|经编|纬编|knit/, code: '1762' },
    { pattern: /涤纶|锦纶|尼龙|氨纶|腈纶|化纤|仿真丝|超细纤维|polyester|nylon/, code: '1752' },
    { pattern: /(?<!仿)真丝|桑蚕丝|蚕丝|丝绸|绢/, code: '1743' },
    { pattern: /羊毛|羊绒|毛纺|毛条|毛纱|精纺|粗纺|wool/, code: '1723' },
    { pattern: /亚麻|苎麻|麻纺|linen/, code: '1733' },
  ],
};
const CASTING: ProcessClass = {
  code: '3391',
  by: [{ pattern: /铝|铜|锌|镁|压铸|有色|alumin|copper|zinc|magnesium|die[- ]cast/, code: '3392' }],
};

const SPINNING: ProcessClass = {
  code: '',
  anyCategory: true,
  by: [
    { pattern: /涤纶|聚酯|(?<![a-z])(?:poy|fdy|dty|pet)(?![a-z])|polyester/, code: '2822' },
    { pattern: /锦纶|尼龙|(?<![a-z])pa6{1,2}(?![a-z0-9])|nylon/, code: '2821' },
    { pattern: /腈纶|acrylic fib/, code: '2823' },
    { pattern: /维纶/, code: '2824' },
    { pattern: /丙纶|polypropylene fib/, code: '2825' },
    { pattern: /氨纶|spandex|elastane/, code: '2826' },
    { pattern: /粘胶|黏胶|莱赛尔|lyocell|viscose/, code: '2811' },
  ],
};

/** Process (data/lexicon/processes.tsv, column process) → class. */
export const PROCESS_CLASSES: ReadonlyMap<string, ProcessClass> = new Map<string, ProcessClass>([
  ['electroplating', SURFACE],
  ['electroless_plating', SURFACE],
  ['plating_evidence', SURFACE],
  ['hot_dip_galvanizing', SURFACE],
  ['anodizing', SURFACE],
  ['heat_treatment', SURFACE],
  ['phosphating', SURFACE],
  ['conversion_coating', SURFACE],
  ['acid_pickling', SURFACE],
  ['electrophoretic_coating', SURFACE],
  ['dyeing', DYEING],
  ['dyeing_finishing', DYEING],
  ['textile_printing', DYEING],
  ['casting', CASTING],
  ['forging', { code: '3393' }],
  ['papermaking', { code: '2221' }],
  ['pulping', { code: '2211', by: [{ pattern: /秸秆|蔗渣|甘蔗渣|竹|芦苇|麦草|稻草/, code: '2212' }] }],
  ['tanning', { code: '1910' }],
  ['slaughtering', { code: '1351', by: [{ pattern: /鸡|鸭|鹅|禽|鸽|poultry|chicken|duck/, code: '1352' }] }],
  ['printing', { code: '2319' }],
  ['hazardous_waste', { code: '7724' }],
  ['recycled_plastics', { code: '4220' }],
  ['waste_plastics', { code: '4220' }],
  ['scrap_metal', { code: '4210' }],
  ['waste_battery', { code: '4210' }],
  ['coking', { code: '2521' }],
  ['oil_refining', { code: '2511' }],
  ['cement_clinker', { code: '3011' }],
  ['thermal_power', { code: '4411' }],
  ['shipbuilding', { code: '3731' }],
  ['lead_acid_battery', { code: '3843' }],
  ['solar_cell', { code: '3825' }],
  // 纺丝: a chemical-fibre works (GB/T 28), by the fibre named (涤纶 2822, 锦纶 2821, 腈纶 2823, 维纶 2824, 丙纶 2825, 氨纶
  // 2826, 粘胶/莱赛尔 2811); a fibre not named is no class
  ['spinning', SPINNING],
]);

/**
 * The classes of the lead's own processes that are trades of their own, each with the word that told it, in the order the
 * processes were read; a class the codes of what the lead makes already hold is not repeated.
 */
export function processClasses(
  processes: readonly { word: string; process: string }[],
  text: string,
  codes: readonly string[],
): { code: string; word: string }[] {
  const out: { code: string; word: string }[] = [];
  for (const p of processes) {
    const c = PROCESS_CLASSES.get(p.process);
    if (!c || (c.needs && !c.needs.test(text))) continue;
    const code = c.by?.find((b) => b.pattern.test(text))?.code ?? c.code;
    if (!code || codes.includes(code) || out.some((x) => x.code === code)) continue;
    out.push({ code, word: p.word });
  }
  return out;
}
