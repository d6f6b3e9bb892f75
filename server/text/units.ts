/** Unit conversions the whole product shares (API.md: 1 亩 = 666.67 m²; money in 万元). */

/** Square metres in one 亩 (API.md conventions). */
export const M2_PER_MU = 666.67;

/** 万美元 → 万元 rate used when a lead states US dollars and no USD_CNY_RATE is configured. */
export const DEFAULT_USD_CNY_RATE = 7.1;

/** 亩 → ㎡ and back. */
export const muToM2 = (mu: number) => mu * M2_PER_MU;
export const m2ToMu = (m2: number) => m2 / M2_PER_MU;
