import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../api/auth';
import { hasSessionCookie } from '../api/http';
import type { Role, User } from '../api/types';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

export interface AuthState {
  status: AuthStatus;
  user: User | null;
  login: (username: string, password: string) => Promise<User>;
  /** Ends the session and loads the home page afresh. */
  logout: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  // Without the readable ow_csrf cookie there is no session: skip asking (a 401 would only add noise).
  const [status, setStatus] = useState<AuthStatus>(() => (hasSessionCookie() ? 'loading' : 'anonymous'));

  useEffect(() => {
    if (status !== 'loading') return;
    const ctl = new AbortController();
    authApi.me(ctl.signal).then(
      (me) => {
        setUser(me);
        setStatus('authenticated');
      },
      () => {
        if (!ctl.signal.aborted) setStatus('anonymous');
      },
    );
    return () => ctl.abort();
  }, [status]);

  const login = useCallback(async (username: string, password: string) => {
    await authApi.login(username, password);
    const me = await authApi.me();
    setUser(me);
    setStatus('authenticated');
    return me;
  }, []);

  // Leaving is a full load of the home page: nothing of the staff session stays in memory. The state
  // is not set to anonymous first: the role guard of the page being left would send it to the login
  // page, a client-side navigation racing the full one.
  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      window.location.assign('/');
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      status,
      user,
      login,
      logout,
      hasRole: (...roles) => user !== null && roles.includes(user.role),
    }),
    [status, user, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Where each role lands after logging in, and which areas it may open. */
export const HOME_OF_ROLE: Record<Role, string> = {
  admin: '/admin/items',
  supervisor: '/supervision',
  head: '/workbench',
  reviewer: '/workbench',
  clerk: '/window',
  applicant: '/',
  complaint_officer: '/complaints/workbench',
  inspector: '/inspections',
};
export const ADMIN_ROLES: Role[] = ['admin'];
/** Ratings' staff pages: rectifications, call-backs, appeals (the rated department never sees who rated). */
export const RATING_WORK_ROLES: Role[] = [
  'clerk',
  'reviewer',
  'head',
  'supervisor',
  'complaint_officer',
  'admin',
];
export const APPLY_ROLES: Role[] = ['applicant', 'clerk'];
export const REVIEW_ROLES: Role[] = ['reviewer', 'head'];
export const CASE_ROLES: Role[] = ['applicant', 'clerk', 'reviewer', 'head', 'supervisor', 'admin'];
export const BOARD_ROLES: Role[] = ['admin', 'supervisor'];
/** The reporting center's own staff and the supervisors: the workbench and every ticket. */
export const COMPLAINT_CENTER_ROLES: Role[] = ['complaint_officer', 'supervisor'];
/** Whoever may open a ticket page (a department's staff only for what was dispatched to it). */
export const COMPLAINT_TICKET_ROLES: Role[] = [
  'complaint_officer',
  'supervisor',
  'clerk',
  'reviewer',
  'head',
];
export const SUPERVISION_ROLES: Role[] = ['admin', 'supervisor', 'head', 'reviewer', 'clerk'];

/** Everyone with an account (the inbox, the header's bell). */
export const ALL_SIGNED_IN = Object.keys(HOME_OF_ROLE) as Role[];
/** Every member of staff (the study programme is theirs): all who sign in but applicants. */
export const STAFF_ROLES: Role[] = ALL_SIGNED_IN.filter((r) => r !== 'applicant');
