/** The last `capacity` ids added, the oldest forgotten first. */
export class RememberedIds {
  readonly #ids = new Set<string>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  add(id: string): void {
    this.#ids.add(id);
    if (this.#ids.size <= this.#capacity) return;
    const oldest = this.#ids.values().next();
    if (!oldest.done) this.#ids.delete(oldest.value);
  }
}
