// Types for scripts/check-native-abi.mjs (a plain Node script, so electron-builder can load it as a hook).
export type AddonAbi = number | 'napi' | 'unknown' | 'ambiguous' | 'not-an-addon';
export type BinaryKind = { format: 'ELF' | 'Mach-O' | 'PE' | 'unknown'; arch: string };
export type Expected = { abi: number; label: string; from: string };
export type AddonResult = { file: string; abi: AddonAbi; format: string; arch: string; expected: number; status: 'ok' | 'skipped' | 'MISMATCH'; problems: string[] };
export type AfterPackContext = { appOutDir: string; arch: number; packager?: { info?: { framework?: { version?: string }; projectDir?: string }; config?: { electronVersion?: string } } };

export function readAddon(bytes: Buffer): { abi: AddonAbi } & BinaryKind;
export function binaryKind(bytes: Buffer): BinaryKind;
export function electronAbi(version?: string, projectDir?: string): { version: string; abi: number; from: string };
export function findAddons(paths: string[]): string[];
export function productionPackageDirs(projectDir?: string): string[];
export function checkAddons(files: string[], expected: Expected, opts?: { arch?: string | undefined }): AddonResult[];
export function formatReport(results: AddonResult[], expected: Expected, base?: string): string;
export function afterPack(context: AfterPackContext): Promise<void>;
