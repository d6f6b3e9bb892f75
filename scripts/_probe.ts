import { extractQuantities } from '../server/text/quantities.js';
for (const t of ['投资5000w，要厂房3000平','投资5千万','投资0.5亿','投资5000万元','需要3000sqm厂房','需要3000㎡','3000平方米厂房','用地50亩','2000平研发楼和4000平厂房','需要2000平米研发楼，另外4000平米厂房','投资5000W','投资 5000 w']) console.log(t, JSON.stringify(extractQuantities(t)));
