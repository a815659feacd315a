import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { describeLoadError, ErrorNotice } from '../components/feedback';
import { Field, groupFieldErrors, type FieldErrors } from '../components/field';
import { navigate, safeReturnPath, useLocation } from '../router/router';
import { useDocumentTitle } from '../util/use-title';

export function LoginPage() {
  const { login } = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  useDocumentTitle('Entrar');

  const reason = query.get('motivo');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = ['Escriba su correo electrónico.'];
    if (!password) errors.password = ['Escriba su contraseña.'];
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length) return;
    setBusy(true);
    try {
      await login(email.trim(), password);
      navigate(safeReturnPath(query.get('volver')) ?? '/', { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) setFormError('Correo o contraseña incorrectos.');
      else if (err.status === 429) setFormError('Demasiados intentos. Espere un minuto e intente de nuevo.');
      else if (err.status === 400 && err.errors.length) setFieldErrors(groupFieldErrors(err.errors));
      else setFormError(describeLoadError(err));
      emailRef.current?.focus();
    }
  }

  return (
    <div className="login-shell">
      <main id="main" className="login-card">
        <p className="brand-name brand-large">Rumbo</p>
        <h1>Entrar</h1>
        <p className="lead">Seguimiento del programa de implementación en las entidades federativas.</p>
        {reason === 'sesion' ? (
          <p className="notice notice-info" role="status">
            Su sesión expiró. Entre de nuevo para continuar.
          </p>
        ) : null}
        {reason === 'salida' ? (
          <p className="notice notice-info" role="status">
            Cerró su sesión.
          </p>
        ) : null}
        {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
        <form onSubmit={submit} noValidate aria-label="Entrar">
          <Field id="email" label="Correo electrónico" errors={fieldErrors.email}>
            {(a11y) => <input {...a11y} ref={emailRef} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field id="password" label="Contraseña" errors={fieldErrors.password}>
            {(a11y) => <input {...a11y} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Entrando…' : 'Entrar'}
          </button>
        </form>
      </main>
    </div>
  );
}
