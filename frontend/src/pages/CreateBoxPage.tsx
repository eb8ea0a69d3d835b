import { useTranslation } from "react-i18next";

import { PageTitle } from "../components/PageTitle";
import { CreateBoxWizard } from "../features/boxes/CreateBoxWizard";

export default function CreateBoxPage() {
  const { t } = useTranslation("boxes");
  return (
    <>
      <PageTitle title={t("create_box")}>{t("create_box")}</PageTitle>
      <CreateBoxWizard />
    </>
  );
}
