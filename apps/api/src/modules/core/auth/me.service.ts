import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException } from '../../../common/errors/app-exception';
import { Principal } from '../../../common/request-context/principal';
import { UserEntity } from '../entities/user.entity';
import { userView, UserView } from '../users/users.service';

/** GET /api/auth/me: the user, how they authenticated, and the CSRF token for session callers. */
export interface MeView {
  user: UserView;
  via: Principal['via'];
  role: Principal['role'];
  csrfToken: string | null;
}

@Injectable()
export class MeService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The caller's identity; `role` is the effective one (an API key may be weaker than its owner). */
  async describe(principal: Principal): Promise<MeView> {
    const user = await this.users.findOne({ where: { id: principal.userId } });
    if (!user) throw new AppException('UNAUTHENTICATED', 'Authentication required');
    return { user: userView(user), via: principal.via, role: principal.role, csrfToken: principal.csrfToken ?? null };
  }
}
