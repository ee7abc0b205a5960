import { SetMetadata } from '@nestjs/common';
import { Role } from '../request-context/principal';

/** Metadata keys read by the roles guard and the route-walk test. */
export const REQUIRED_ROLE = 'mcube:requiredRole';
export const ANY_ROLE_WRITE = 'mcube:anyRoleWrite';
export const BEFORE_PASSWORD_CHANGE = 'mcube:beforePasswordChange';

/**
 * The weakest role allowed on a route (or controller). Without it, reads are open to every
 * authenticated user and writes (any method but GET/HEAD/OPTIONS) need trader or admin.
 */
export const Roles = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

/**
 * Lets a viewer call a non-GET route that changes nothing of the trading state
 * (log out). The route-walk test lists every route carrying it.
 */
export const AnyRoleMayWrite = (): MethodDecorator => SetMetadata(ANY_ROLE_WRITE, true);

/**
 * One of the few routes a user flagged `mustChangePassword` may call (change the password, log
 * out, who am I); every other route answers 403 PASSWORD_CHANGE_REQUIRED until the change.
 */
export const AllowedBeforePasswordChange = (): MethodDecorator => SetMetadata(BEFORE_PASSWORD_CHANGE, true);
