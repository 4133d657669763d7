// Pure: the generated files' paths as a folder tree, folders first, each level sorted.

export interface TreeFolder {
  type: 'folder';
  name: string;
  path: string;
  children: TreeEntry[];
}

export interface TreeFile {
  type: 'file';
  name: string;
  path: string;
}

export type TreeEntry = TreeFolder | TreeFile;

export function buildTree(paths: readonly string[]): TreeEntry[] {
  const root: TreeFolder = { type: 'folder', name: '', path: '', children: [] };
  for (const path of paths) {
    const parts = path.split('/');
    let folder = root;
    parts.forEach((name, i) => {
      const sub = parts.slice(0, i + 1).join('/');
      if (i === parts.length - 1) {
        folder.children.push({ type: 'file', name, path });
        return;
      }
      let next = folder.children.find(
        (c): c is TreeFolder => c.type === 'folder' && c.name === name,
      );
      if (!next) {
        next = { type: 'folder', name, path: sub, children: [] };
        folder.children.push(next);
      }
      folder = next;
    });
  }
  sortTree(root);
  return root.children;
}

function sortTree(f: TreeFolder): void {
  f.children.sort((a, b) =>
    a.type !== b.type ? (a.type === 'folder' ? -1 : 1) : a.name.localeCompare(b.name),
  );
  for (const c of f.children) if (c.type === 'folder') sortTree(c);
}

/** The file to show when none is chosen or the chosen one is gone. */
export function defaultFile(paths: readonly string[]): string | undefined {
  return (
    paths.find((p) => p.endsWith('/prometheus.yml')) ??
    paths.find((p) => p === 'docker-compose.yml') ??
    paths[0]
  );
}
