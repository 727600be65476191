/**
 * The window a case is served at, one answer for its documents and its tracking page alike: the
 * window that took it in, else the one its lead item's guide names, else its department's first.
 */
export const caseWindow = (
  takenAt: string | null,
  guideWindow: string | undefined,
  departmentWindows: readonly string[],
): string | null => takenAt ?? guideWindow ?? departmentWindows[0] ?? null;
