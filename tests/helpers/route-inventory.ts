import type { Express } from "express";

/** One route the application answers: its method and its path pattern as the router declares it. */
export interface DeclaredRoute {
  method: string;
  path: string;
}

interface StackLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: StackLayer[] };
}

/**
 * Every route of the application, read from Express's own router stack (mounted routers
 * included), so that a test can fail when a route appears that it does not cover.
 */
export function declaredRoutes(app: Express): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  const walk = (stack: StackLayer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = [layer.route.path].flat();
        for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m])) {
          for (const path of paths) routes.push({ method: method === "_all" ? "ALL" : method.toUpperCase(), path });
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: StackLayer[] } }).router.stack);
  return routes;
}

/** "GET /complaints/:trackingNumber": how a route is named in a matrix. */
export const routeKey = (route: DeclaredRoute) => `${route.method} ${route.path}`;
