/** Injected by electron-vite's `define` (electron.vite.config.ts) when main and the CLI are built. */
declare const __YARDSTICK_BUILD__: { commit: string | null; date: string | null } | undefined;

/**
 * Which source this build came from: the git commit (with "-dirty" when the tree had changes) and
 * when it was built. Both null when the code runs unbuilt (tests, tsx), so nothing pretends to know.
 */
export const APP_BUILD: { commit: string | null; date: string | null } = typeof __YARDSTICK_BUILD__ === 'undefined' ? { commit: null, date: null } : __YARDSTICK_BUILD__;
