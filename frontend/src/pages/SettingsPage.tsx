import { PageSkeleton } from "../components/Skeleton";

export default function SettingsPage() {
  return <PageSkeleton />;
}
