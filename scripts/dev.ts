/** `npm run dev`: the on-demand preview of content/, drafts and scheduled articles included. */
import { watch } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPreview, createPreviewListener, LAYOUTS } from "./lib/server/preview.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
const contentDir = path.resolve(values.content!);
const preview = createPreview(contentDir);
watch(contentDir, { recursive: true }, () => preview.invalidate());
watch(LAYOUTS, { recursive: true }, () => preview.invalidate());
const port = Number(process.env.PORT ?? 8080);
http.createServer(createPreviewListener(contentDir, preview)).listen(port, "127.0.0.1", () => {
  console.log(`Xem thử (có cả bản nháp và bài hẹn giờ): http://localhost:${port}/`);
});
