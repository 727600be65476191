/**
 * A response fixture that spells out only what the component under test reads. The API types are
 * the server's whole contract (api/generated); a test leaves the rest out on purpose.
 */
export type Sketch<T> = T extends (infer E)[]
  ? Sketch<E>[]
  : T extends object
    ? { [K in keyof T]?: Sketch<T[K]> }
    : T;
export const sketch = <T>(value: Sketch<T>): T => value as T;
