import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AppException } from '../errors/app-exception';
import { Principal } from '../request-context/principal';

/** The authenticated caller (set by the auth guard); throws UNAUTHENTICATED on a public route without one. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new AppException('UNAUTHENTICATED', 'Authentication required');
  return principal;
});
