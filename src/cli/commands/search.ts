/** `citelens search "QUERY" [--db FILE] [--json] [--stance s,...] [--limit N]`: statements across the index. */
import { styleText } from "node:util";
import type { Command } from "commander";
import type { SearchResult } from "../../core/report.js";
import { integerOption } from "../options.js";
import { openIndex, parseStances, plain } from "./report.js";

/** Registers `search` on the program. */
export function register(program: Command): void {
  program
    .command("search")
    .description('Search citation statements: words, "exact phrases", AND/OR/NOT, -word, prefix*')
    .argument("<query>", 'the query, e.g. "did not replicate" or zebrafish NOT mice')
    .option("--db <file>", "the SQLite database", "./citelens.db")
    .option("--json", "print the SearchResult document")
    .option("--stance <list>", "only these stances (comma-separated: supporting,mentioning,contrasting)")
    .option("--limit <n>", "hits to show (1-100)", "20")
    .option("--page <n>", "page of hits", "1")
    .action(
      async (query: string, opts: { db: string; json?: boolean; stance?: string; limit: string; page: string }) => {
        const limit = integerOption("--limit", opts.limit, 100);
        const page = integerOption("--page", opts.page);
        const stance = parseStances(opts.stance);
        const store = openIndex(opts.db);
        if (store === null) return;
        try {
          const result = await store.search({ q: query, pageSize: limit, page, ...(stance ? { stance } : {}) });
          process.stdout.write(
            opts.json ? `${JSON.stringify(result)}\n` : formatSearch(result, process.stdout.isTTY === true),
          );
        } finally {
          await store.close();
        }
      },
    );
}

/** The readable list of hits; matches in bold on a terminal, in [brackets] otherwise. */
export function formatSearch(r: SearchResult, tty: boolean): string {
  const from = (r.page - 1) * r.pageSize;
  const lines = [
    r.total === 0
      ? "no statements match"
      : `${r.total} statements match (${r.facets.stance.map((f) => `${f.value} ${f.count}`).join(", ")}); showing ${from + 1}-${from + r.hits.length}`,
  ];
  for (const h of r.hits) {
    // Split on the match marks first: plain() would blank them along with other control characters.
    const marked = h.snippet
      .split("\u0001")
      .map((part, i) => {
        if (i === 0) return plain(part);
        const [match = "", rest = ""] = part.split("\u0002");
        return (tty ? styleText("bold", plain(match)) : `[${plain(match)}]`) + plain(rest);
      })
      .join("");
    lines.push(
      "",
      `[${h.statement.stance} ${h.statement.confidence.toFixed(2)}] ${marked}`,
      `    cites: ${plain(h.cited.title ?? h.cited.doi ?? h.cited.workId)}${h.cited.year ? ` (${h.cited.year})` : ""}`,
      `    in:    ${plain(h.citing.title ?? h.citing.doi ?? h.citing.workId)}${h.citing.doi ? ` doi:${h.citing.doi}` : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
