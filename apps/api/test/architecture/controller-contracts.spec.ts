import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { REPO, tsFiles } from './source-scan';

const API_SRC = join('apps', 'api', 'src');
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

/**
 * Routes whose body is not JSON from @mcube/contracts, each with why. A route listed here that no
 * longer exists fails the scan (so the list cannot hide a move).
 */
const NON_JSON_ROUTES: Record<string, string> = {
  'apps/api/src/modules/analytics/report/analytics.controller.ts#trades': 'string: the trades CSV download (text/csv attachment)',
};

/** One route method of a controller: where, its name, and its declared return type as written (undefined when none). */
interface Route {
  id: string;
  declared: string | undefined;
}

/** Names a file imports from @mcube/contracts (type or value imports). */
function contractImports(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const stmt of file.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier) || stmt.moduleSpecifier.text !== '@mcube/contracts') continue;
    const bindings = stmt.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((e) => names.add(e.name.text));
  }
  return names;
}

function routesOf(path: string, file: ts.SourceFile): Route[] {
  const routes: Route[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isMethodDeclaration(node)) {
      const decorators = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
      const isRoute = decorators.some((d) => ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && ROUTE_DECORATORS.has(d.expression.expression.text));
      if (isRoute) routes.push({ id: `${path}#${node.name.getText(file)}`, declared: node.type?.getText(file) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return routes;
}

/** The parts of a declared type that must each come from the contracts: Promise<…> unwrapped, unions split, arrays stripped. */
function typeParts(declared: string): string[] {
  const unwrapped = declared.replace(/\s+/g, ' ').trim().replace(/^Promise<(.*)>$/, '$1');
  return unwrapped.split('|').map((p) => p.trim().replace(/(\[\])+$/, ''));
}

/** Why a route breaks the rule, or undefined when it keeps it. */
function violation(route: Route, contracts: ReadonlySet<string>): string | undefined {
  if (route.id in NON_JSON_ROUTES) return undefined;
  if (route.declared === undefined) return 'no declared return type';
  const bad = typeParts(route.declared).filter((p) => p !== 'void' && !(/^[A-Za-z_$][\w$]*$/.test(p) && contracts.has(p)));
  return bad.length > 0 ? `returns ${route.declared}: ${bad.join(', ')} is not a type imported from @mcube/contracts` : undefined;
}

function scan(path: string, source: string): { routes: Route[]; violations: string[] } {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const contracts = contractImports(file);
  const routes = routesOf(path, file);
  const violations = routes.map((r) => ({ r, why: violation(r, contracts) })).filter((v) => v.why !== undefined).map((v) => `${v.r.id}: ${v.why}`);
  return { routes, violations };
}

describe('every REST route declares its response type from @mcube/contracts (issue 13)', () => {
  it('finds every controller route method typed with a contract (or void), the listed downloads aside', () => {
    const controllers = tsFiles(join(REPO, API_SRC))
      .map((f) => relative(REPO, f))
      .filter((f) => f.endsWith('.controller.ts'));
    const results = controllers.map((f) => scan(f, readFileSync(join(REPO, f), 'utf8')));
    const routes = results.flatMap((r) => r.routes);
    expect(controllers.length).toBeGreaterThan(25);
    expect(routes.length).toBeGreaterThan(90);
    // A listed exception must still be a route (else it hides a rename or a removal).
    expect(Object.keys(NON_JSON_ROUTES).filter((id) => !routes.some((r) => r.id === id))).toEqual([]);
    expect(results.flatMap((r) => r.violations)).toEqual([]);
  });

  it('recognises each kind of violation (so the scan above can fail)', () => {
    const controller = (imports: string, method: string) =>
      `${imports}\n@Controller('x')\nexport class XController {\n  @Get(':id')\n  ${method}\n}\n`;
    const contracts = `import type { OrderResponse, AccountResponse } from '@mcube/contracts';`;
    const violations = (method: string, imports = contracts) => scan('x.controller.ts', controller(imports, method)).violations;

    expect(violations(`get() { return this.rows.find(); }`)).toEqual(['x.controller.ts#get: no declared return type']);
    expect(violations(`get(): Promise<Order> { return this.rows.findOne(); }`)[0]).toMatch(/Order is not a type imported/);
    expect(violations(`get(): Promise<{ id: number }> { return x; }`)[0]).toMatch(/not a type imported/);
    expect(violations(`get(): Promise<OrderResponse[] | Buffer> { return x; }`)[0]).toMatch(/Buffer is not/);
    expect(violations(`get(): Promise<OrderResponse> { return x; }`, `import type { OrderResponse } from './local-copy';`)[0]).toMatch(/OrderResponse is not/);
    expect(violations(`get(): Promise<StreamableFile> { return x; }`)[0]).toMatch(/StreamableFile is not/);

    expect(violations(`get(): Promise<OrderResponse> { return x; }`)).toEqual([]);
    expect(violations(`get(): Promise<OrderResponse[]> { return x; }`)).toEqual([]);
    expect(violations(`get(): AccountResponse | OrderResponse { return x; }`)).toEqual([]);
    expect(violations(`remove(): Promise<void> { return x; }`)).toEqual([]);
    // A method without a route decorator is not a route.
    expect(scan('x.controller.ts', `export class X {\n  helper() { return 1; }\n}\n`).routes).toEqual([]);
  });
});
