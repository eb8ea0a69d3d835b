import type { Tree } from "../resources";

const files = import.meta.glob<Tree>("./*.json", { eager: true, import: "default" });

/** Every namespace of this language: `{ common: {...}, box: {...} }` from `./<namespace>.json`. */
const bundle: Record<string, Tree> = {};
for (const [path, tree] of Object.entries(files)) {
  const ns = /^\.\/(\w+)\.json$/.exec(path)?.[1];
  if (ns) bundle[ns] = tree;
}
export default bundle;
