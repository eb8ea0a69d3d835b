import { PageSkeleton } from "../components/Skeleton";

export default function JoinPage() {
  return <PageSkeleton />;
}
