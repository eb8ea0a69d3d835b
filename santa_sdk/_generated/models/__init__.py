"""Contains all the data models used in inputs/outputs"""

from .account_deletion import AccountDeletion
from .announcement import Announcement
from .announcement_create import AnnouncementCreate
from .announcement_page import AnnouncementPage
from .assignment import Assignment
from .audit_event import AuditEvent
from .audit_event_details import AuditEventDetails
from .audit_event_page import AuditEventPage
from .auth_providers import AuthProviders
from .auth_providers_oauth_item import AuthProvidersOauthItem
from .auth_result import AuthResult
from .auth_result_transport import AuthResultTransport
from .backup_request import BackupRequest
from .backup_result import BackupResult
from .box import Box
from .box_create import BoxCreate
from .box_event import BoxEvent
from .box_event_data import BoxEventData
from .box_event_page import BoxEventPage
from .box_page import BoxPage
from .box_renew import BoxRenew
from .box_role_filter import BoxRoleFilter
from .box_status import BoxStatus
from .box_status_change import BoxStatusChange
from .box_update import BoxUpdate
from .calendar_feed import CalendarFeed
from .card_update import CardUpdate
from .complete_oauth_provider import CompleteOauthProvider
from .component_status import ComponentStatus
from .draw_options import DrawOptions
from .draw_preview import DrawPreview
from .draw_request import DrawRequest
from .draw_summary import DrawSummary
from .draw_warning import DrawWarning
from .email_verification import EmailVerification
from .exclusion import Exclusion
from .exclusion_create import ExclusionCreate
from .field_problem import FieldProblem
from .forced_pair import ForcedPair
from .forced_pair_create import ForcedPairCreate
from .gift import Gift
from .gift_action import GiftAction
from .gift_issue import GiftIssue
from .gift_list import GiftList
from .gift_move import GiftMove
from .gift_status import GiftStatus
from .gift_summary import GiftSummary
from .giftee_card import GifteeCard
from .health import Health
from .health_status import HealthStatus
from .household import Household
from .household_create import HouseholdCreate
from .household_update import HouseholdUpdate
from .invitation import Invitation
from .invitation_kind import InvitationKind
from .invite import Invite
from .invite_create import InviteCreate
from .invite_import import InviteImport
from .invite_import_entry import InviteImportEntry
from .invite_import_result import InviteImportResult
from .invite_page import InvitePage
from .invite_status import InviteStatus
from .join_link import JoinLink
from .language import Language
from .latecomer_create import LatecomerCreate
from .latecomer_result import LatecomerResult
from .liveness import Liveness
from .login_request import LoginRequest
from .login_request_transport import LoginRequestTransport
from .logout_request import LogoutRequest
from .membership import Membership
from .message import Message
from .message_author import MessageAuthor
from .message_create import MessageCreate
from .message_page import MessagePage
from .message_side import MessageSide
from .message_update import MessageUpdate
from .o_auth_start import OAuthStart
from .pair import Pair
from .pair_person import PairPerson
from .pairs_reveal import PairsReveal
from .participant import Participant
from .participant_card import ParticipantCard
from .participant_create import ParticipantCreate
from .participant_page import ParticipantPage
from .participant_role import ParticipantRole
from .participant_status import ParticipantStatus
from .participant_update import ParticipantUpdate
from .password_change import PasswordChange
from .password_reset_confirm import PasswordResetConfirm
from .password_reset_request import PasswordResetRequest
from .preferences import Preferences
from .problem import Problem
from .problem_code import ProblemCode
from .readiness import Readiness
from .refresh_request import RefreshRequest
from .registration import Registration
from .reveal_request import RevealRequest
from .reveal_settings import RevealSettings
from .reveal_settings_update import RevealSettingsUpdate
from .session import Session
from .signup_accepted import SignupAccepted
from .skip_reason import SkipReason
from .skipped_invite import SkippedInvite
from .social_account import SocialAccount
from .start_oauth_link_provider import StartOauthLinkProvider
from .start_oauth_sign_in_provider import StartOauthSignInProvider
from .telegram_login_data import TelegramLoginData
from .telegram_sign_in import TelegramSignIn
from .telegram_sign_in_transport import TelegramSignInTransport
from .thread import Thread
from .thread_list import ThreadList
from .time_zone import TimeZone
from .unsubscription import Unsubscription
from .user import User
from .user_export import UserExport
from .user_export_account import UserExportAccount
from .user_export_box_names import UserExportBoxNames
from .user_settings import UserSettings
from .user_settings_preferences import UserSettingsPreferences
from .user_settings_update import UserSettingsUpdate
from .user_settings_update_preferences_type_0 import UserSettingsUpdatePreferencesType0
from .user_update import UserUpdate
from .verification import Verification
from .verification_document_type_0 import VerificationDocumentType0
from .wish_item import WishItem

__all__ = (
    "AccountDeletion",
    "Announcement",
    "AnnouncementCreate",
    "AnnouncementPage",
    "Assignment",
    "AuditEvent",
    "AuditEventDetails",
    "AuditEventPage",
    "AuthProviders",
    "AuthProvidersOauthItem",
    "AuthResult",
    "AuthResultTransport",
    "BackupRequest",
    "BackupResult",
    "Box",
    "BoxCreate",
    "BoxEvent",
    "BoxEventData",
    "BoxEventPage",
    "BoxPage",
    "BoxRenew",
    "BoxRoleFilter",
    "BoxStatus",
    "BoxStatusChange",
    "BoxUpdate",
    "CalendarFeed",
    "CardUpdate",
    "CompleteOauthProvider",
    "ComponentStatus",
    "DrawOptions",
    "DrawPreview",
    "DrawRequest",
    "DrawSummary",
    "DrawWarning",
    "EmailVerification",
    "Exclusion",
    "ExclusionCreate",
    "FieldProblem",
    "ForcedPair",
    "ForcedPairCreate",
    "Gift",
    "GiftAction",
    "GifteeCard",
    "GiftIssue",
    "GiftList",
    "GiftMove",
    "GiftStatus",
    "GiftSummary",
    "Health",
    "HealthStatus",
    "Household",
    "HouseholdCreate",
    "HouseholdUpdate",
    "Invitation",
    "InvitationKind",
    "Invite",
    "InviteCreate",
    "InviteImport",
    "InviteImportEntry",
    "InviteImportResult",
    "InvitePage",
    "InviteStatus",
    "JoinLink",
    "Language",
    "LatecomerCreate",
    "LatecomerResult",
    "Liveness",
    "LoginRequest",
    "LoginRequestTransport",
    "LogoutRequest",
    "Membership",
    "Message",
    "MessageAuthor",
    "MessageCreate",
    "MessagePage",
    "MessageSide",
    "MessageUpdate",
    "OAuthStart",
    "Pair",
    "PairPerson",
    "PairsReveal",
    "Participant",
    "ParticipantCard",
    "ParticipantCreate",
    "ParticipantPage",
    "ParticipantRole",
    "ParticipantStatus",
    "ParticipantUpdate",
    "PasswordChange",
    "PasswordResetConfirm",
    "PasswordResetRequest",
    "Preferences",
    "Problem",
    "ProblemCode",
    "Readiness",
    "RefreshRequest",
    "Registration",
    "RevealRequest",
    "RevealSettings",
    "RevealSettingsUpdate",
    "Session",
    "SignupAccepted",
    "SkippedInvite",
    "SkipReason",
    "SocialAccount",
    "StartOauthLinkProvider",
    "StartOauthSignInProvider",
    "TelegramLoginData",
    "TelegramSignIn",
    "TelegramSignInTransport",
    "Thread",
    "ThreadList",
    "TimeZone",
    "Unsubscription",
    "User",
    "UserExport",
    "UserExportAccount",
    "UserExportBoxNames",
    "UserSettings",
    "UserSettingsPreferences",
    "UserSettingsUpdate",
    "UserSettingsUpdatePreferencesType0",
    "UserUpdate",
    "Verification",
    "VerificationDocumentType0",
    "WishItem",
)
