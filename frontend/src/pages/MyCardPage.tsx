import { PageSkeleton } from "../components/Skeleton";

export default function MyCardPage() {
  return <PageSkeleton />;
}
