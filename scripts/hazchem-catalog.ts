/**
 * The GB 18218-2018 表2 row of a substance by its hazard classes as the 危险化学品目录（2015版）'s 危险化学品分类信息表
 * (安监总厅管三〔2015〕80号 attachment; 柴油 as 应急厅函〔2022〕300号 amends it) lists them — scripts/build-lexicon.ts reads
 * data/lexicon/sources/hazchem-catalog-2015.tsv with it for the substances GB 18218-2018 表1 does not name: the lowest 临界量 of
 * the rows its classes fall in (GB 18218-2018 4.1.2); where an entry lists alternatives (（1）…（2）自燃的：), the largest of
 * theirs, so a guess between them never excludes; where the state decides a row (急性毒性: a gas or not), a gas only
 * where the entry says it is one (加压气体, 易燃气体, 氧化性气体).
 */
export function table2RowOfClasses(classes: readonly string[]): { seq: string; threshold: number; said: string } | null {
  const groups: string[][] = [[]];
  for (const c of classes) {
    if (/^（\d）|^\(\d\)/.test(c) || (!/[,，]/.test(c) && !/^(加压气体|剧毒)$/.test(c))) groups.push([]);
    else groups[groups.length - 1]!.push(c);
  }
  const rowOf = (c: string, gas: boolean): [string, number] | null => {
    const m = (re: RegExp) => re.exec(c);
    let x: RegExpExecArray | null;
    if ((x = m(/^爆炸物.*?(不稳定爆炸物|1\.(\d)项)/)))
      return x[1] === '不稳定爆炸物' || x[2] === '1' ? ['W1.1', 1] : x[2] === '4' ? ['W1.3', 50] : ['W1.2', 10];
    if (m(/^易燃气体[,，]类别[12]/)) return ['W2', 10];
    if (m(/^气溶胶[,，]类别[12]/)) return ['W3', 150];
    if (m(/^氧化性气体[,，]类别1/)) return ['W4', 50];
    if ((x = m(/^易燃液体[,，]类别([123])/))) return x[1] === '1' ? ['W5.1', 10] : x[1] === '2' ? ['W5.3', 1000] : ['W5.4', 5000];
    if ((x = m(/^自反应物质和混合物[,，]([A-G])型/)))
      return 'AB'.includes(x[1]!) ? ['W6.1', 10] : 'CDE'.includes(x[1]!) ? ['W6.2', 50] : null;
    if ((x = m(/^有机过氧化物[,，]([A-G])型/))) return 'AB'.includes(x[1]!) ? ['W7.1', 10] : 'CDEF'.includes(x[1]!) ? ['W7.2', 50] : null;
    if (m(/^自燃(液体|固体)[,，]类别1/)) return ['W8', 50];
    if ((x = m(/^氧化性(液体|固体)[,，]类别([123])/))) return x[2] === '1' ? ['W9.1', 50] : ['W9.2', 200];
    if (m(/^易燃固体[,，]类别1/)) return ['W10', 200];
    if (m(/^遇水放出易燃气体的物质和混合物[,，]类别[12]/)) return ['W11', 200];
    if ((x = m(/^急性毒性-(经口|经皮|吸入)[,，]类别([123])/))) {
      if (x[2] === '1') return gas ? ['J1', 5] : ['J2', 50];
      if (gas) return ['J3', 50];
      return x[2] === '2' ? ['J5', 500] : null;
    }
    return null;
  };
  let worst: { seq: string; threshold: number; said: string } | null = null;
  let any = false;
  for (const g of groups) {
    if (!g.length) continue;
    const gas = g.some((c) => /^(加压气体|易燃气体|氧化性气体)/.test(c));
    let best: { seq: string; threshold: number; said: string } | null = null;
    for (const c of g) {
      const r = rowOf(c.trim(), gas);
      if (r && (!best || r[1] < best.threshold)) best = { seq: r[0], threshold: r[1], said: c.trim().replace(/\*$/, '') };
    }
    // (an alternative with no 表2 row leaves the entry without one: the larger, none)
    if (!best) return null;
    any = true;
    if (!worst || best.threshold > worst.threshold) worst = best;
  }
  return any ? worst : null;
}
