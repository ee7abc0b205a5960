export * from './current-principal.decorator';
export * from './public.decorator';
export * from './roles.decorator';
