import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

/** What people typed and have not saved yet (the wizard, card forms), kept across reloads of the tab. */
interface DraftState {
  drafts: Record<string, unknown>;
  setDraft: (key: string, value: unknown) => void;
  clearDraft: (key: string) => void;
}

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      setDraft: (key, value) => set((s) => ({ drafts: { ...s.drafts, [key]: value } })),
      clearDraft: (key) =>
        set((s) => {
          const next = { ...s.drafts };
          delete next[key];
          return { drafts: next };
        }),
    }),
    { name: "santa-drafts", storage: createJSONStorage(() => sessionStorage) },
  ),
);
