import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApi, type Api } from '../api/client';
import type { LoginResponse, SessionUser } from '../api/types';
import { navigate } from '../router/router';

// The token lives in sessionStorage: it survives a reload of the tab, not the closing of the browser, and is
// not shared with other tabs.
const STORAGE_KEY = 'rumbo.session';

interface StoredSession {
  token: string;
  user: SessionUser;
}

export interface Session {
  user: SessionUser | null;
  api: Api;
  login: (email: string, password: string) => Promise<SessionUser>;
  logout: () => void;
}

const SessionContext = createContext<Session | null>(null);

function readStored(): StoredSession | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const s = raw ? (JSON.parse(raw) as StoredSession) : null;
    return s && typeof s.token === 'string' && s.user ? s : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<StoredSession | null>(readStored);
  const tokenRef = useRef<string | null>(stored?.token ?? null);

  const clear = useCallback(() => {
    window.sessionStorage.removeItem(STORAGE_KEY);
    tokenRef.current = null;
    setStored(null);
  }, []);

  const api = useMemo(
    () =>
      createApi(
        () => tokenRef.current,
        () => {
          clear();
          navigate(`/entrar?motivo=sesion&volver=${encodeURIComponent(window.location.pathname)}`, { replace: true });
        },
      ),
    [clear],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const res = await api.post<LoginResponse>('/auth/login', { email, password });
      const next = { token: res.accessToken, user: res.user };
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      tokenRef.current = next.token;
      setStored(next);
      return next.user;
    },
    [api],
  );

  const logout = useCallback(() => {
    clear();
    navigate('/entrar?motivo=salida', { replace: true });
  }, [clear]);

  const value = useMemo(() => ({ user: stored?.user ?? null, api, login, logout }), [stored, api, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** For pages behind login: the user is known there. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
