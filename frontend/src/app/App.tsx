import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";

import { ApiProblem } from "../api/problem";
// The landing page is the first paint of most visits: in the main bundle, not a second request.
import Landing from "../pages/LandingPage";
import { lazyPage } from "./lazyPage";
import { Layout } from "./Layout";
import { RequireAuth } from "./RequireAuth";
import { Sync } from "./Sync";

const SignIn = lazy(() => import("../pages/SignInPage"));
const SignUp = lazy(() => import("../pages/SignUpPage"));
const VerifyEmail = lazy(() => import("../pages/VerifyEmailPage"));
const ForgotPassword = lazy(() => import("../pages/ForgotPasswordPage"));
const ResetPassword = lazy(() => import("../pages/ResetPasswordPage"));
// Fetched ahead by warmUp when the visit starts on them.
export const Dashboard = lazyPage(() => import("../pages/DashboardPage"));
const CreateBox = lazy(() => import("../pages/CreateBoxPage"));
export const BoxPage = lazyPage(() => import("../pages/BoxPage"));
const Exchange = lazy(() => import("../pages/ExchangePage"));
const MyCard = lazy(() => import("../pages/MyCardPage"));
const MyGiftee = lazy(() => import("../pages/MyGifteePage"));
const ActFor = lazy(() => import("../pages/ActForPage"));
const Join = lazy(() => import("../pages/JoinPage"));
const Settings = lazy(() => import("../pages/SettingsPage"));
const Unsubscribe = lazy(() => import("../pages/UnsubscribePage"));
const NotFound = lazy(() => import("../pages/NotFoundPage"));

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiProblem && error.status > 0 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

const authed = (node: ReactNode) => <RequireAuth>{node}</RequireAuth>;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Landing />} />
        <Route path="signin" element={<SignIn />} />
        <Route path="signup" element={<SignUp />} />
        <Route path="verify-email" element={<VerifyEmail />} />
        <Route path="forgot-password" element={<ForgotPassword />} />
        <Route path="reset-password" element={<ResetPassword />} />
        <Route path="join/:code" element={<Join />} />
        <Route path="unsubscribe" element={<Unsubscribe />} />
        <Route path="dashboard" element={authed(<Dashboard />)} />
        <Route path="boxes/new" element={authed(<CreateBox />)} />
        <Route path="boxes/:boxId" element={authed(<BoxPage />)} />
        <Route path="boxes/:boxId/card" element={authed(<MyCard />)} />
        <Route path="boxes/:boxId/assignment" element={authed(<MyGiftee />)} />
        {/* One page; both addresses are in emails (new_message, gift_updated). */}
        <Route path="boxes/:boxId/messages" element={authed(<Exchange />)} />
        <Route path="boxes/:boxId/gifts" element={authed(<Exchange />)} />
        <Route path="boxes/:boxId/people/:participantId" element={authed(<ActFor />)} />
        <Route path="settings" element={authed(<Settings />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App({ client = makeQueryClient() }: { client?: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <Sync />
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
