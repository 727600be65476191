import { http, rememberCsrfToken } from './http';
import type { Session, User } from './types';

export const authApi = {
  async login(username: string, password: string): Promise<Session> {
    const s = await http.post<Session>('/auth/login', { username, password });
    rememberCsrfToken(s.csrfToken);
    return s;
  },
  async logout(): Promise<void> {
    try {
      await http.post<void>('/auth/logout');
    } finally {
      rememberCsrfToken(null);
    }
  },
  me: (signal?: AbortSignal) => http.get<User>('/auth/me', undefined, signal),
};
