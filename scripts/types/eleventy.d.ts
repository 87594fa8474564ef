// Eleventy 3 ships JavaScript without declarations; these cover the API this project calls.
declare module "@11ty/eleventy/UserConfig" {
  export default class UserConfig {
    readonly directories: { readonly input: string; readonly output: string; readonly includes: string };
    readonly ignores: Set<string>;
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void | Promise<void>, options?: T): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addPassthroughCopy(paths: string | Record<string, string>, options?: { filter?: (relativePath: string) => boolean }): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addTransform(name: string, transform: (content: unknown) => unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setTemplateFormats(formats: string[]): void;
    setIncludesDirectory(dir: string): void;
    on(event: string, callback: (...args: never[]) => unknown): void;
  }
}

declare module "@11ty/eleventy" {
  export class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; runMode?: string; config?: (config: import("@11ty/eleventy/UserConfig").default) => void });
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  const plugin: (config: unknown, options?: unknown) => void;
  export default plugin;
}
