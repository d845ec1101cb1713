// bench/typst-compile.mjs IN.typ OUT.pdf - Typst for bench/compare.sh.
// Typst is not in Debian 12; this runs the Typst compiler of the npm
// package @myriaddreamin/typst-ts-node-compiler (a Node binding with a
// prebuilt linux-x64 binary), installed outside the repository:
//   npm install --prefix /work/typst-tools @myriaddreamin/typst-ts-node-compiler
// ($TYPST_TOOLS names another folder).  Fonts come from /usr/share/fonts
// only ($TYPST_FONT_PATHS, colon-separated, adds others), so Typst sets
// the Open Sans the other tools use.  The root is /, so that an image may
// stand anywhere, as planverk allows.  Exit 2: the compiler is missing.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
	console.error('usage: node typst-compile.mjs IN.typ OUT.pdf');
	process.exit(2);
}
const tools = process.env.TYPST_TOOLS || '/work/typst-tools';
let NodeCompiler;
try {
	({ NodeCompiler } = createRequire(resolve(tools) + '/')(
	    '@myriaddreamin/typst-ts-node-compiler'));
} catch (e) {
	console.error(`typst-compile.mjs: no Typst compiler under ${tools}: ` +
	    `npm install --prefix ${tools} @myriaddreamin/typst-ts-node-compiler`);
	process.exit(2);
}
const fontPaths = ['/usr/share/fonts'].concat(
    (process.env.TYPST_FONT_PATHS || '').split(':').filter(Boolean));
const compiler = NodeCompiler.create({ workspace: '/', fontArgs: [{ fontPaths }] });
const res = compiler.compile({ mainFilePath: resolve(input) });
if (res.hasError()) {
	res.printErrors();
	process.exit(1);
}
res.printDiagnostics();
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const pdf = compiler.pdf(res.result,
    Number.isFinite(epoch) ? { creationTimestamp: epoch } : {});
writeFileSync(output, pdf);
