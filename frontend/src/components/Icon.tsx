/** Small line icons (inline SVG: no icon font, no emoji font needed). */
const PATHS = {
  gift: "M3 11h18v10H3zM2 7h20v4H2zM12 7v14M12 7c-1.5-3-5-4-5.5-1.5S9 7 12 7zm0 0c1.5-3 5-4 5.5-1.5S15 7 12 7z",
  mail: "M3 5h18v14H3zM3 6l9 7 9-7",
  compass: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm3.5 5.5-2 5-5 2 2-5z",
  clock: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3 2",
  tree: "M12 2 6 10h3l-4 6h5v5h4v-5h5l-4-6h3z",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className = "size-6" }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
