import { ValidateBy, type ValidationArguments } from 'class-validator';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

// Length over composition rules (NIST SP 800-63B), plus a refusal of the passwords people try first. The list
// holds only entries of at least PASSWORD_MIN characters (shorter ones are refused by length already), and the
// demo password, which is published in the README.
const COMMON = new Set([
  '1234567890', '12345678910', '0123456789', '0987654321', '1234567890a', 'qwertyuiop', 'qwertyuiop1', 'asdfghjkl1',
  'password12', 'password123', 'password1234', 'passw0rd123', 'contraseña', 'contraseña1', 'contraseña123', 'contrasena',
  'contrasena1', 'contrasena123', 'iloveyou12', 'administrador', 'administrator', 'admin12345', 'admin123456',
  'bienvenido', 'bienvenido1', 'bienvenido123', 'mexico2024', 'mexico2025', 'mexico2026', 'mexico1234', 'transparencia',
  'datosabiertos', 'datos-abiertos', 'rumbo-demo', 'rumbodemo123', 'changeme123', 'letmein1234', 'welcome123',
]);

interface PasswordRule {
  name: string;
  message: string;
  /** True when the password is acceptable by this rule; `email` is the account's address when known. */
  holds: (password: string, email: string | null) => boolean;
}

// Each rule is its own message (and its own Spanish text in the API's catalogue). A blank password gets only the
// first one: saying "too short" as well would be noise.
const RULES: PasswordRule[] = [
  { name: 'passwordNotBlank', message: 'password must not be blank', holds: (p) => /\S/.test(p) },
  { name: 'passwordMinLength', message: `password must be at least ${PASSWORD_MIN} characters long`, holds: (p) => !/\S/.test(p) || [...p].length >= PASSWORD_MIN },
  { name: 'passwordMaxLength', message: `password must be at most ${PASSWORD_MAX} characters long`, holds: (p) => [...p].length <= PASSWORD_MAX },
  { name: 'passwordNotRepeated', message: 'password must not be one character repeated', holds: (p) => !/\S/.test(p) || new Set(p).size > 1 },
  { name: 'passwordNotCommon', message: 'password is too common; choose another one', holds: (p) => !COMMON.has(fold(p)) },
  { name: 'passwordNotEmail', message: 'password must not be the email address or contain its user name', holds: (p, email) => !email || !matchesEmail(fold(p), fold(email)) },
];

/** What is wrong with a password, as the rules' English messages (empty when it is acceptable). */
export function passwordProblems(password: string, email?: string | null): string[] {
  return RULES.filter((r) => !r.holds(password, email ?? null)).map((r) => r.message);
}

function matchesEmail(password: string, email: string): boolean {
  const user = email.split('@')[0] ?? '';
  // A user name of one or two letters would refuse too much ("ana" is worth refusing, "a" is not).
  return password === email || (user.length >= 3 && password.includes(user));
}

function fold(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The password policy as DTO rules (after `@IsString()`), one message per broken rule. The email is taken from the
 * same body when it has one; PATCH /users, whose body has none, checks it in the service.
 */
export function IsAcceptablePassword(): PropertyDecorator {
  const decorators = RULES.map((rule) =>
    ValidateBy({
      name: rule.name,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => typeof value !== 'string' || rule.holds(value, emailOf(args)),
        defaultMessage: () => rule.message,
      },
    }),
  );
  return (target, key) => decorators.forEach((d) => d(target, key));
}

function emailOf(args?: ValidationArguments): string | null {
  const email = (args?.object as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email : null;
}
