// Types for server-build.mjs (plain JavaScript, so bin/onewindow.mjs can load it without tsx).
export function sourceState(root: string): Record<string, number>;
export function isFresh(root: string, state?: Record<string, number>): boolean;
export function buildServer(root: string): Promise<number>;
