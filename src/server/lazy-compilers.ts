// Route schemas compiled at a route's first use instead of all at start. Compiling every response
// serializer (fast-json-stringify) and every request validator (Ajv) of the ~400 routes took about
// two thirds of an application's start: 1.6–2.4 s of CPU for each server, and for each test context
// of the server suite, which uses a handful of routes. A route now pays its own compile (a few ms)
// at its first request; what it compiles, and so what it accepts and sends, is the same.
// `compileAll()` compiles everything an application has deferred (its test does, so a schema that
// cannot compile still fails the suite, not a first request).
import { createRequire } from 'node:module';
import type { FastifySchemaCompiler, FastifyServerOptions } from 'fastify';

type SerializerFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']
>;

/** A function compiled at its first call; `errors` follows the compiled one's (Fastify reads it). */
type Checked = ((data: unknown) => unknown) & { errors?: unknown };

export class LazyCompilers {
  private readonly pending = new Set<() => unknown>();

  /** Wraps `compile` so that it runs at the first call, once. */
  defer<F extends Checked>(compile: () => F): F {
    let fn: F | undefined;
    const force = () => {
      if (!fn) {
        fn = compile();
        this.pending.delete(force);
      }
      return fn;
    };
    const lazy = ((data: unknown) => {
      const f = force();
      const out = f(data);
      lazy.errors = f.errors;
      return out;
    }) as F;
    this.pending.add(force);
    return lazy;
  }

  /** Compiles every schema not compiled yet; a schema that cannot compile throws here. */
  compileAll(): number {
    const all = [...this.pending];
    for (const force of all) force();
    return all.length;
  }

  validator<S>(compiler: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> {
    return (route) => this.defer(() => compiler(route) as Checked) as ReturnType<FastifySchemaCompiler<S>>;
  }

  /**
   * Fastify's own serializer factory (fast-json-stringify, as Fastify ships it), each route's compile
   * deferred. Each compile gets its own copy of the options: Fastify's factory edits the shared copy
   * (it drops the shared schema a route's response is), which would make the result depend on the
   * order routes are first used in.
   */
  serializerFactory(): SerializerFactory {
    const selector = fastifyDefaultSerializers();
    return (externalSchemas, options) => (route) =>
      this.defer(() => selector()(externalSchemas, options)(route) as Checked) as (data: unknown) => string;
  }
}

type SerializerSelector = () => (
  externalSchemas: unknown,
  options: unknown,
) => (route: unknown) => (data: unknown) => string;

/** `@fastify/fast-json-stringify-compiler` resolved from Fastify itself: the version Fastify uses. */
function fastifyDefaultSerializers(): SerializerSelector {
  const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
  return fromFastify('@fastify/fast-json-stringify-compiler') as SerializerSelector;
}

const ofApp = new WeakMap<object, LazyCompilers>();

/** The deferred compilers of an application (buildApp registers them). */
export function registerLazyCompilers(app: object, compilers: LazyCompilers): void {
  ofApp.set(app, compilers);
}

/** Compiles every route schema `app` has deferred (after `ready()`); the number compiled. */
export function compileAllSchemas(app: object): number {
  const compilers = ofApp.get(app);
  if (!compilers) throw new Error('compileAllSchemas: not an application made by buildApp');
  return compilers.compileAll();
}
