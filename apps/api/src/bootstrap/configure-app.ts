import type { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { GlobalExceptionFilter } from '../common/filters/global-exception.filter';
import { CSRF_HEADER } from '../common/guards/csrf.guard';
import { createValidationPipe } from '../common/pipes/app-validation.pipe';
import { requestContextMiddleware } from '../common/request-context/request-context';
import { AppConfig } from '../config/app-config';
import { AuthenticatorService } from '../modules/core/auth/authenticator.service';
import { docsAuthMiddleware } from './docs-auth.middleware';

/** Where the OpenAPI UI and JSON are served (authenticated). */
export const API_DOCS_PATH = 'api/docs';
export const API_DOCS_JSON_PATH = 'api/docs-json';
export const API_DOCS_YAML_PATH = 'api/docs-yaml';

/** JSON bodies above this are refused with 413; large enough that oversized fields reach validation (400). */
const JSON_BODY_LIMIT = '512kb';

/** Keys that could reach an object's prototype: a body holding one is refused outright (400). */
const FORBIDDEN_JSON_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_JSON_KEYS.has(key)) throw new SyntaxError(`JSON key "${key}" is not allowed`);
  return value;
}

/**
 * Applies the HTTP security baseline to a created (not yet initialised) app. main.ts and the
 * tests both call it, so tests exercise the real stack: correlation ids, helmet, cookies,
 * closed-by-default CORS, body limits, `/api` prefix (except /health), the global
 * ValidationPipe and exception filter, pino as Nest's logger, the `ws` WebSocket adapter, and
 * authenticated OpenAPI docs.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.security.trustProxy ? 1 : false);
  app.use(requestContextMiddleware);
  app.use(helmet());
  app.use(cookieParser());
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, reviver: refusePrototypeKeys });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  if (config.security.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.security.corsOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['content-type', CSRF_HEADER, 'x-request-id', 'authorization', 'x-api-key'],
      exposedHeaders: ['x-request-id', 'retry-after'],
    });
  }
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  // Plain `ws` WebSockets on the HTTP server (the console's live socket at /ws).
  app.useWebSocketAdapter(new WsAdapter(app));

  const docsAuth = docsAuthMiddleware(app.get(AuthenticatorService));
  app.use(`/${API_DOCS_PATH}`, docsAuth);
  app.use(`/${API_DOCS_JSON_PATH}`, docsAuth);
  app.use(`/${API_DOCS_YAML_PATH}`, docsAuth);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('mCube API')
      .setDescription('Session cookie (console, with x-csrf-token on writes) or API key (Bearer / x-api-key) on every route except login and /health.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'x-api-key')
      .addCookieAuth('mcube_session')
      .build(),
  );
  SwaggerModule.setup(API_DOCS_PATH, app, document, { jsonDocumentUrl: API_DOCS_JSON_PATH, yamlDocumentUrl: API_DOCS_YAML_PATH });
}
