import { PageSkeleton } from "../components/Skeleton";

export default function MyGifteePage() {
  return <PageSkeleton />;
}
