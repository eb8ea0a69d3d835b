import { PageSkeleton } from "../components/Skeleton";

export default function BoxPage() {
  return <PageSkeleton />;
}
