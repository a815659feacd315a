import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { toUserResponse, type UserResponse } from '../users/dto/user.response.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../users/password-hasher.js';
import type { User } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import type { LoginDto, LoginResponse } from './dto/login.dto.js';

interface TokenPayload {
  sub: string;
}

@Injectable()
export class AuthService {
  constructor(private readonly users: UsersRepository, private readonly jwt: JwtService) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.users.findByEmail(dto.email);
    // Hash even for unknown emails, so response time does not reveal which accounts exist.
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok || !user.active) throw new UnauthorizedException('Wrong email or password');
    return { accessToken: await this.issueToken(user), user: toUserResponse(user) };
  }

  issueToken(user: Pick<User, 'id'>): Promise<string> {
    return this.jwt.signAsync({ sub: user.id } satisfies TokenPayload);
  }

  /**
   * Turns a bearer token into the caller. The user is re-read on every request so a deactivated account
   * or a changed role takes effect at once, not when the token expires.
   */
  async authenticate(token: string): Promise<AuthUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      throw new UnauthorizedException('Invalid or expired access token');
    }
    const user = typeof payload.sub === 'string' ? await this.users.findById(payload.sub) : null;
    if (!user || !user.active) throw new UnauthorizedException('Invalid or expired access token');
    return { id: user.id, email: user.email, name: user.name, role: user.role, stateCode: user.stateCode };
  }

  async me(user: AuthUser): Promise<UserResponse> {
    const u = await this.users.findById(user.id);
    if (!u) throw new UnauthorizedException();
    return toUserResponse(u);
  }
}
