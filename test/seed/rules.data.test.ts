import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENV_CLASSES, type EnvClass } from '../../server/domain/park.schema.js';
import { RuleSeedSchema, type RuleSeed } from '../../server/domain/rule.schema.js';

const seedDir = fileURLToPath(new URL('../../data/seed/', import.meta.url));
const rules: RuleSeed[] = z.array(RuleSeedSchema).parse(JSON.parse(readFileSync(`${seedDir}rules.json`, 'utf8')));
const gbtCodes = new Set(
  readFileSync(`${seedDir}gbt4754-2017.tsv`, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t')[1]),
);

/** Naive text check (substring, no negation handling): does a term fire without an unless-word present? */
function firesOnText(rule: RuleSeed, text: string): boolean {
  if (rule.match.unlessTerms.some((u) => text.includes(u))) return false;
  return rule.match.terms.some((t) => text.includes(t));
}

function appliesToEnvClass(rule: RuleSeed, env: EnvClass): boolean {
  return rule.scope.level === 'national' || (rule.scope.level === 'envClass' && rule.scope.value === env);
}

const excludes = rules.filter((r) => r.effect === 'exclude');

describe('data/seed/rules.json', () => {
  it('has at least 30 rules with unique ids', () => {
    expect(rules.length).toBeGreaterThanOrEqual(30);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('every rule names a source and matches on something', () => {
    for (const r of rules) {
      expect(r.source.trim().length, r.id).toBeGreaterThan(1);
      const matchesSomething =
        r.match.industryCodes.length > 0 ||
        r.match.terms.length > 0 ||
        r.match.pollution !== null ||
        r.match.eia !== undefined ||
        r.threshold !== null;
      expect(matchesSomething, r.id).toBe(true);
    }
  });

  it('has no one-character terms and no {term} placeholder in rules with nothing to fill it (no terms, codes, pollution or 名录 category)', () => {
    for (const r of rules) {
      for (const t of [...r.match.terms, ...r.match.unlessTerms]) expect(t.length, `${r.id}: ${t}`).toBeGreaterThanOrEqual(2);
      if (r.reason.includes('{term}'))
        expect(
          r.match.terms.length + r.match.industryCodes.length + (r.match.pollution ? 1 : 0) + (r.match.eia ? 1 : 0),
          r.id,
        ).toBeGreaterThan(0);
    }
  });

  it('uses only GB/T 4754-2017 codes that exist', () => {
    for (const r of rules) for (const c of r.match.industryCodes) expect(gbtCodes.has(c), `${r.id}: ${c}`).toBe(true);
  });

  it('keeps effect, threshold and review level consistent', () => {
    for (const r of rules) {
      if (r.effect === 'reviewLevel') expect(r.reviewLevel, r.id).not.toBeNull();
      else expect(r.reviewLevel, r.id).toBeNull();
      if (r.effect === 'require') expect(r.threshold, r.id).not.toBeNull();
      if (r.threshold) expect(r.threshold.min !== null || r.threshold.max !== null, r.id).toBe(true);
      if (r.scope.level !== 'national') expect(r.scope.value, r.id).toBeTruthy();
    }
  });

  it.each(ENV_CLASSES)('excludes 电镀 and 印染 in %s parks, saying so in the reason', (env) => {
    for (const word of ['电镀', '印染']) {
      const hit = excludes.filter((r) => appliesToEnvClass(r, env) && r.match.terms.includes(word) && r.reason.includes(word));
      expect(hit.length, `${env} ${word}`).toBeGreaterThan(0);
    }
  });

  it('excludes the public-eval leads 电镀加工 and 印染企业扩产 everywhere', () => {
    const national = excludes.filter((r) => r.scope.level === 'national');
    for (const [text, word] of [
      ['电镀加工', '电镀'],
      ['印染企业扩产', '印染'],
    ] as const) {
      const hit = national.filter((r) => firesOnText(r, text));
      expect(hit.length, text).toBeGreaterThan(0);
      expect(
        hit.some((r) => r.reason.includes(word)),
        text,
      ).toBe(true);
    }
  });

  it('catches the usual synonyms in clean parks', () => {
    const clean = excludes.filter((r) => appliesToEnvClass(r, 'clean'));
    for (const text of [
      '五金件镀铬',
      '铝型材阳极氧化',
      '化学镀镍加工',
      '面料染色及后整理',
      'T恤丝网印花',
      '皮革鞣制',
      '废纸造纸',
      '农药原药生产',
      '铝合金压铸加工',
      '铅酸蓄电池组装生产',
      '再生塑料造粒',
      '光刻胶生产',
      '溶剂型涂料喷涂',
      '汽车整车制造',
    ]) {
      expect(
        clean.some((r) => firesOnText(r, text)),
        text,
      ).toBe(true);
    }
  });

  it('does not exclude harmless leads by their words', () => {
    const harmless = [
      '软件开发和信息技术服务',
      '服装设计及时尚品牌运营',
      '数码印花定制T恤',
      '喷墨打印耗材研发',
      '化学发光检测试剂研发生产',
      '机械零部件仅分割、焊接、组装',
      '智能传感器研发制造',
      '激光气体传感器研发',
      '医疗器械生产企业，需要厂房2000平方米',
      '科创金融服务机构',
      '人工智能视觉算法研发',
      '高端装备制造，主要生产包装机械',
      '芯片设计及封装测试',
      '危化品安全监测系统研发',
      '电子产品SMT贴片组装',
      '采用镀锌板钣金加工',
      '印花税申报代理服务',
      '染色体核型分析检测服务',
      '锂电池PACK组装',
      '汽车电子域控制器生产',
      '航空发动机零部件研发',
      '电动自行车整车生产',
      '喷漆机器人研发制造',
      '软件二次开发',
      '纸浆模塑环保餐具',
      '采用非溶剂型低VOCs涂料',
      '压铸件精密加工（外购毛坯）',
      '真空电镀装饰件',
      '服装印花图案设计',
      '采用电镀级ABS注塑',
      '卫浴五金组装，外购电镀件',
      '单晶硅光伏组件组装',
      '采用冷轧板冲压',
    ];
    for (const text of harmless) {
      const hit = excludes.filter((r) => firesOnText(r, text)).map((r) => r.id);
      expect(hit, text).toEqual([]);
    }
  });

  it('has the 南湖 and 嘉兴 flexible approval for hazardous chemicals at pilot scale, and the clean-park counterpart', () => {
    const flex = rules.filter(
      (r) => r.effect === 'review' && r.match.pollution?.hazardousChemicals === true && r.match.pollution?.pilotScale === true,
    );
    expect(flex.map((r) => `${r.scope.level}:${r.scope.value}`).sort()).toEqual(['city:嘉兴市', 'district:南湖区']);
    const ban = excludes.find((r) => r.match.pollution?.hazardousChemicals === true && r.match.pollution?.pilotScale === false);
    expect(ban?.scope).toEqual({ level: 'envClass', value: 'clean' });
  });

  it('assigns 镇审/区审 by leased area without overlap', () => {
    const lease = rules.filter((r) => r.effect === 'reviewLevel' && r.threshold?.field === 'leasedAreaM2');
    const district = lease.find((r) => r.reviewLevel === '区审');
    const town = lease.find((r) => r.reviewLevel === '镇审');
    expect(district?.threshold?.min).toBeGreaterThan(town?.threshold?.max ?? Infinity);
  });
});
