// An object without one key, typed so: the registry tests show a registry missing a kind fails to
// compile.
export function without<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as Omit<T, K>;
}
