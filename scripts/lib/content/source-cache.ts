/**
 * The files as read, kept between builds: what content/derive.ts gets from a file's bytes (front matter, body
 * rendered up to its photos, the checker's links and images) is stored under the bytes' hash in `<cache>/sources/`,
 * so a build after a one-article change parses and renders that one file. Keyed on contents, never timestamps: a
 * renamed or restored file is found again. The record is stamped with a hash of the code that derives it; a change
 * to that code, or to the dependencies, starts it afresh. Buckets by hash keep a small change a small write.
 */
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import v8 from "node:v8";
import { fingerprintOf } from "../fingerprint.ts";
import { deriveSource, readWith, sourceHash, type DerivedSource, type SourceReader } from "./derive.ts";

/** What the derivation is made with: a change to any of these derives every file again. */
export const SOURCE_INPUTS = ["package-lock.json", "scripts/lib/content", "scripts/lib/check"];

/** Folder of the record inside the build's cache folder. */
export const SOURCES_FOLDER = "sources";

const BUCKETS = 16;

interface Bucket {
  fingerprint: string;
  entries: Map<string, DerivedSource>;
}

export interface SourceCache {
  /** Reads one file: its stored derivation when its bytes are unchanged, else derived now. */
  read: SourceReader;
  /** Files read so far whose derivation was kept, and those derived now. */
  readonly kept: number;
  readonly derived: number;
  /** Writes the buckets that changed (files added, edited or gone) and lets go of the record. */
  save(): Promise<void>;
}

export function openSourceCache(cacheDir: string): SourceCache {
  const dir = path.join(cacheDir, SOURCES_FOLDER);
  // Node's own version too: the record is written with its serializer.
  const fingerprint = fingerprintOf(SOURCE_INPUTS, process.version);
  const stored: (Map<string, DerivedSource> | undefined)[] = new Array(BUCKETS);
  let used = Array.from({ length: BUCKETS }, () => new Map<string, DerivedSource>());
  const added = new Array<boolean>(BUCKETS).fill(false);
  let kept = 0;
  let derived = 0;

  const fileOf = (bucket: number) => path.join(dir, `${bucket}.bin`);
  const load = (bucket: number): Map<string, DerivedSource> => {
    let entries = stored[bucket];
    if (entries) return entries;
    entries = new Map();
    try {
      const record = v8.deserialize(readFileSync(fileOf(bucket))) as Bucket;
      if (record.fingerprint === fingerprint && record.entries instanceof Map) entries = record.entries;
    } catch {
      // No record yet, or one this code cannot read: derived afresh.
    }
    stored[bucket] = entries;
    return entries;
  };

  return {
    read: (file) => readWith(file, (bytes) => {
      const hash = sourceHash(bytes);
      // Read after save(): nothing more is kept.
      if (!used.length) return deriveSource(bytes, hash);
      const bucket = bucketOf(hash);
      const hit = load(bucket).get(hash);
      if (hit) {
        kept++;
        used[bucket]!.set(hash, hit);
        return hit;
      }
      derived++;
      const source = deriveSource(bytes, hash);
      used[bucket]!.set(hash, source);
      added[bucket] = true;
      return source;
    }),
    get kept() {
      return kept;
    },
    get derived() {
      return derived;
    },
    async save() {
      mkdirSync(dir, { recursive: true });
      for (let bucket = 0; bucket < BUCKETS; bucket++) {
        const entries = used[bucket]!;
        // Unchanged when nothing was added and every stored entry is still in use.
        if (!added[bucket] && load(bucket).size === entries.size) continue;
        const file = fileOf(bucket);
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, v8.serialize({ fingerprint, entries } satisfies Bucket));
        renameSync(temporary, file);
      }
      stored.fill(undefined);
      used = [];
    },
  };
}

function bucketOf(hash: string): number {
  return hash.charCodeAt(0) % BUCKETS;
}
