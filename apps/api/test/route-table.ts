import { type INestApplication, RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ANY_ROLE, PUBLIC_ROUTE, REQUIRED_ROLES, type Role } from '@loa/auth';

/** One HTTP route as Nest's metadata declares it, e.g. "POST /campaigns/:id/approve". */
export interface DeclaredRoute {
  key: string;
  method: string;
  path: string;
  /** What the route says about who may call it; undefined when it says nothing. */
  access: 'public' | 'any' | Role[] | undefined;
  /** It reads a JSON body (@Body()) or a query (@Query()). */
  hasBody: boolean;
  hasQuery: boolean;
}

// Nest's RouteParamtypes: the kinds of handler arguments, stored as "<type>:<index>" keys.
const BODY = 3;
const QUERY = 4;

/** Every controller route of the application, read from Nest's metadata (not from a list kept by hand). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata('path', controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name as keyof object] as unknown;
        if (typeof handler !== 'function' || Reflect.getMetadata('method', handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata('method', handler) as number];
        const path =
          '/' +
          [base, String(Reflect.getMetadata('path', handler) ?? '')]
            .flatMap((part) => part.split('/'))
            .filter((part) => part !== '')
            .join('/');
        const kinds = Object.keys(Reflect.getMetadata('__routeArguments__', controller, name) ?? {}).map((key) => Number(key.split(':')[0]));
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          access: accessOf(handler, controller),
          hasBody: kinds.includes(BODY),
          hasQuery: kinds.includes(QUERY),
        });
      }
    }
  }
  return routes;
}

function accessOf(handler: object, controller: object): DeclaredRoute['access'] {
  const read = <T>(key: string): T | undefined => (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
  if (read<boolean>(PUBLIC_ROUTE)) return 'public';
  if (read<boolean>(ANY_ROLE)) return 'any';
  return read<Role[]>(REQUIRED_ROLES);
}
