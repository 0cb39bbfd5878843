import type { ChosenFile } from './deck-bundle.js';

/** Most files read from a dropped folder; past it the rest are ignored (the server takes 200). */
const MAX_FILES = 2000;

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a folder: readEntries answers in batches until an empty one. */
async function childrenOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0 || all.length > MAX_FILES) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: ChosenFile[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  const path = `${prefix}${entry.name}`;
  if (entry.isFile) {
    out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, `${path}/`, out);
  }
}

/**
 * The files of a drop, folders walked (DataTransferItem.webkitGetAsEntry), each with its
 * path inside what was dropped (`talk/images/a.png`); plain `files` where entries are not
 * available. Read it during the drop event: the items empty once it returns.
 */
export function droppedFiles(transfer: DataTransfer): Promise<ChosenFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return Promise.resolve([...transfer.files].map((file) => ({ path: file.name, file })));
  }
  return (async () => {
    const out: ChosenFile[] = [];
    for (const entry of entries) if (entry) await walk(entry, '', out);
    return out;
  })();
}

/** The files of a file input: paths inside the chosen folder for a folder input, bare names otherwise. */
export function inputFiles(input: HTMLInputElement): ChosenFile[] {
  return [...(input.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}
