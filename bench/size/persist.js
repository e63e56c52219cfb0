// Conversations kept between page loads: IndexedDB (idb-keyval included), the fallback to
// memory, eviction and claims.
export { indexedDbPersistence, memoryPersistence } from "../../dist/persist.js";
