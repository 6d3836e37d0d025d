/**
 * Files the user opened, kept in this browser's IndexedDB so they survive a reload, until removed. They
 * are never uploaded anywhere: the app is static files and sends nothing back. A browser without
 * IndexedDB (or one that refuses it, as some private modes do) simply forgets files at reload.
 */

const DB_NAME = 'incident-atlas';
const DB_VERSION = 1;
const STORE = 'opened-files';

/** One kept file: its bytes, name, and when it was opened (for the order on the shelf). */
export interface StoredFile {
  readonly key: string;
  readonly name: string;
  readonly blob: Blob;
  readonly openedAt: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export class ShelfStore {
  private db: Promise<IDBDatabase | null> | null = null;

  private open(): Promise<IDBDatabase | null> {
    if (this.db) return this.db;
    this.db = new Promise((resolve) => {
      if (typeof indexedDB === 'undefined') return resolve(null);
      try {
        const req = indexedDB.open(DB_NAME, DB_VERSION);
        req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(null);
        req.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
    return this.db;
  }

  /** Every kept file, oldest first; [] when storage is unavailable. */
  async list(): Promise<StoredFile[]> {
    const db = await this.open();
    if (db === null) return [];
    try {
      const all = await request(db.transaction(STORE).objectStore(STORE).getAll());
      return (all as StoredFile[]).sort((a, b) => a.openedAt - b.openedAt);
    } catch {
      return [];
    }
  }

  /** Keeps a file; false when it could not be kept (no storage, or the quota is full). */
  async put(file: StoredFile): Promise<boolean> {
    const db = await this.open();
    if (db === null) return false;
    try {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(file);
      await transactionDone(tx);
      return true;
    } catch {
      return false;
    }
  }

  /** Forgets the files with these keys. */
  async remove(keys: readonly string[]): Promise<void> {
    const db = await this.open();
    if (db === null || keys.length === 0) return;
    try {
      const tx = db.transaction(STORE, 'readwrite');
      for (const key of keys) tx.objectStore(STORE).delete(key);
      await transactionDone(tx);
    } catch {
      // Nothing more to do: the file stays until the browser's storage is cleared.
    }
  }
}
