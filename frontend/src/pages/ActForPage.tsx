import { PageSkeleton } from "../components/Skeleton";

export default function ActForPage() {
  return <PageSkeleton />;
}
