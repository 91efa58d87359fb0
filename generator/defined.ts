/** An object without its undefined fields, so optional facts are left out rather than written
 * as `undefined` (JSON would drop them anyway, but equality checks and key order would not). */
export const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
