import { SetMetadata } from '@nestjs/common';

/** Metadata key read by the auth guard and the route-walk test. */
export const IS_PUBLIC = 'mcube:isPublic';

/** Marks a route (or controller) as reachable without authentication. Use sparingly: login, health. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
