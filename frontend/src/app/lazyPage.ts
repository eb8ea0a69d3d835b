import { createElement, lazy, type ComponentType } from "react";

/**
 * A page in a chunk of its own, which start-up can fetch ahead (`preload`, see warmUp). Once its
 * code is in, the page renders at once: React.lazy alone would suspend on the first render even
 * then (its promise settles a tick later), show the fallback and render everything a second time.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(preload);
  function Page() {
    return createElement(loaded ?? Lazy);
  }
  return Object.assign(Page, { preload });
}
