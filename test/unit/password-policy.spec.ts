import { passwordProblems } from '../../libs/core/src/users/password-policy.js';

describe('password policy', () => {
  it.each([
    ['ten spaces', ' '.repeat(10), ['password must not be blank']],
    ['tabs and newlines', '\t\n\t\n\t\n\t\n\t\n\t', ['password must not be blank']],
    ['too short', 'abc-123', ['password must be at least 10 characters long']],
    ['too long', 'x1'.repeat(101), ['password must be at most 200 characters long']],
    ['one character repeated', 'aaaaaaaaaaaa', ['password must not be one character repeated']],
    ['a common one, any case', 'Contraseña123', ['password is too common; choose another one']],
    ['the published demo password', 'rumbo-demo', ['password is too common; choose another one']],
  ])('refuses %s', (_, password, problems) => {
    expect(passwordProblems(password, 'ana.perez@oaxaca.gob.mx')).toEqual(problems);
  });

  it('refuses the email itself and passwords containing its user name, whatever the case', () => {
    const email = 'Ana.Perez@oaxaca.gob.mx';
    expect(passwordProblems('ana.perez@oaxaca.gob.mx', email)).toEqual(['password must not be the email address or contain its user name']);
    expect(passwordProblems('xx-ANA.PEREZ-2025', email)).toEqual(['password must not be the email address or contain its user name']);
    // A user name too short to mean anything is not held against the password.
    expect(passwordProblems('a-long-enough-passphrase', 'a@b.mx')).toEqual([]);
  });

  it('counts characters, not UTF-16 units, and accepts a plain passphrase', () => {
    expect(passwordProblems('ñandú-🦜-sol', 'ana@b.mx')).toEqual([]);
    expect(passwordProblems('🦜🦜🦜🦜🦜', null)).toEqual(['password must be at least 10 characters long', 'password must not be one character repeated']);
    expect(passwordProblems('una clave larga de verdad', null)).toEqual([]);
  });
});
