import { extractNeeds } from '../server/text/space-needs.js';
for (const t of ['2000平研发楼和4000平厂房','需要研发楼2000平方米、厂房4000平方米','要3000平米厂房','智能家居，需要2000平研发楼和4000平厂房','两千平的研发楼，四千平的厂房']) console.log(t, JSON.stringify(extractNeeds(t)));
