import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { build } from "../../scripts/lib/build.ts";
import { ContentCheckError } from "../../scripts/lib/check/index.ts";

const run = promisify(execFile);
const OLD = "<!doctype html><title>Bản đang chạy</title>";

/** A content folder with one good article and one bad one (a script in its body). */
async function badContent(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "gate-content-"));
  await cp("tests/fixtures/editor/check/bai-viet/2020/hop-le.md", path.join(dir, "bai-viet/2020/hop-le.md"));
  await cp("tests/fixtures/editor/check/bai-viet/2020/the-script.md", path.join(dir, "bai-viet/2020/the-script.md"));
  await cp("tests/fixtures/editor/check/images", path.join(dir, "images"), { recursive: true });
  await cp("tests/fixtures/editor/check/trang", path.join(dir, "trang"), { recursive: true });
  return dir;
}

async function publishedFolder(): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), "gate-out-"));
  await writeFile(path.join(out, "index.html"), OLD);
  return out;
}

describe("npm run build refuses to publish a bad article", () => {
  it("exits non-zero with the checker's report and leaves the published folder as it was", async () => {
    const content = await badContent();
    const out = await publishedFolder();
    const failure = await run("npx", ["tsx", "scripts/build.ts", "--content", content, "--out", out, "--no-search"]).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect("code" in failure && failure.code).not.toBe(0);
    expect(failure.stderr).toContain(`${path.join(content, "bai-viet/2020/the-script.md")}:9: nội dung: mã HTML <script> không được phép`);
    expect(failure.stderr).toMatch(/Chưa thể xuất bản/);
    expect(await readdir(out)).toEqual(["index.html"]);
    expect(await readFile(path.join(out, "index.html"), "utf8")).toBe(OLD);
  });

  it("throws ContentCheckError from build() before touching the output", async () => {
    const content = await badContent();
    const out = await publishedFolder();
    await expect(build({ content, out, search: false })).rejects.toBeInstanceOf(ContentCheckError);
    expect(await readdir(out)).toEqual(["index.html"]);
  });

  it("publishes once the article is fixed", async () => {
    const content = await badContent();
    await rm(path.join(content, "bai-viet/2020/the-script.md"));
    const out = await publishedFolder();
    await build({ content, out, search: false });
    expect(await readFile(path.join(out, "index.html"), "utf8")).not.toBe(OLD);
    expect(await readFile(path.join(out, "tin-tuc/hop-le/index.html"), "utf8")).toContain("Bài hợp lệ dùng làm đích liên kết");
  });
});
