import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
const { createAnnotator } = await import('/work/wt-stances/dist/annotate-text.js');
const { NO_MODELS, loadModelsSync } = await import('/work/wt-stances/dist/learn/models.js');
const limit = Number(process.argv[2] ?? 300);
const texts = fg.sync('/work/shared/corpus/bbc/**/*.txt').sort().slice(0, limit).map((f) => readFileSync(f, 'utf8'));
const rules = createAnnotator({ models: NO_MODELS });
const withModel = createAnnotator({ lexicon: rules.lexicon, models: loadModelsSync() });
const pass = (a) => { const s = performance.now(); for (const t of texts) a.annotate(t); return performance.now() - s; };
pass(rules); pass(withModel);
const ra = [], rb = [];
for (let r = 0; r < Number(process.argv[3] ?? 3); r++) { ra.push(pass(rules)); rb.push(pass(withModel)); }
const min = (x) => Math.min(...x);
console.log(`${texts.length} articles, min of ${ra.length} passes: rules alone ${min(ra).toFixed(0)} ms, with the stances model ${min(rb).toFixed(0)} ms: +${(100 * (min(rb) - min(ra)) / min(ra)).toFixed(1)}%  (passes: ${ra.map(Math.round)} / ${rb.map(Math.round)})`);
