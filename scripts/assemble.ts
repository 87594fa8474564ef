/**
 * `npm run assemble -- --out _site <part> <part> …`: one site from the parts of a build split across machines
 * (each written by `npm run build -- --part i/n --out <part>`). The parts' folders are used up.
 */
import { parseArgs } from "node:util";
import { assembleParts } from "./lib/assemble.ts";

const { values, positionals } = parseArgs({ options: { out: { type: "string", default: "_site" } }, allowPositionals: true });
try {
  const result = await assembleParts(positionals, values.out!);
  console.log(`Đã ghép ${result.parts} phần thành ${values.out}: ${result.shards} phân đoạn chỉ mục tìm kiếm.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
