/**
 * `npm run bench`: runs every stage benchmark in bench/stages (in file-name order, which follows the
 * pipeline) and prints one table per stage. `npm run bench -- parse` runs the stages whose name matches.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchTable, machineLine, renderTable } from "./table.js";

interface StageModule {
  run(): Promise<BenchTable | readonly BenchTable[]>;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), "stages");
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".js") && !f.endsWith(".test.js"))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

console.log(`# Citelens benchmarks\n\nMachine: ${machineLine()}\n`);
for (const file of files) {
  const mod = (await import(join(dir, file))) as StageModule;
  const started = Date.now();
  const result = await mod.run();
  for (const table of Array.isArray(result) ? result : [result as BenchTable]) {
    console.log(`${renderTable(table)}\n`);
  }
  console.error(`(${file}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
